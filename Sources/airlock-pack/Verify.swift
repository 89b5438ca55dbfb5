import AirlockCLI
import ArgumentParser

extension AirlockPack {
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a bundle's structure and signature with public keys only (nothing is decrypted).",
            discussion: "Example: airlock-pack verify bundles/shop-00000001.airlock --signer keys/packer.pub")

        @OptionGroup var arguments: VerifyArguments

        func run() throws {
            try Report.running("airlock-pack") { try arguments.run() }
        }
    }
}
