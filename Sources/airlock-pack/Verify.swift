import AirlockCLI
import ArgumentParser

extension AirlockPack {
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a bundle's structure and signature with public keys only (nothing is decrypted).",
            discussion: "Example: airlock-pack verify bundles/shop-000001.airlock --signer keys/packer.pub")

        @Argument(help: ArgumentHelp("The bundle file.", valueName: "bundle"))
        var bundle: String

        @Option(name: .customLong("signer"), help: ArgumentHelp("A trusted packer public key (repeatable).", valueName: "packer.pub"))
        var signers: [String] = []

        @Flag(help: "Print the result as JSON on stdout.")
        var json = false

        func validate() throws {
            if signers.isEmpty { throw ValidationError("give the packer's public key with --signer packer.pub") }
        }

        func run() throws {
            try Report.running("airlock-pack") {
                try VerifyCommandSupport.run(bundle: bundle, signerFiles: signers, json: json)
            }
        }
    }
}
