import AirlockCLI
import ArgumentParser

extension AirlockUnpack {
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a bundle's structure and signature with public keys only (nothing is decrypted).",
            discussion: "Example: airlock-unpack verify bundles/shop-00000001.airlock --signer keys/packer.pub")

        @OptionGroup var arguments: VerifyArguments

        func run() throws {
            try Report.running("airlock-unpack") { try arguments.run() }
        }
    }
}
