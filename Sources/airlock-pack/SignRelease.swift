import AirlockCLI
import AirlockFormat
import ArgumentParser

extension AirlockPack {
    struct SignRelease: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sign-release",
            abstract: "Sign a release folder's SHA256SUMS with the packer key, for 'airlock-unpack verify-release'.",
            discussion: """
                Checks every file of DIR against DIR/SHA256SUMS first (a list that does not match is never \
                signed), then writes DIR/SHA256SUMS.sig: an Ed25519 signature by packer.key over \
                "airlock/v1/release" ‖ 0x00 ‖ SHA256SUMS (Spec/release.md). The offline host checks it with \
                the packer.pub it already trusts. 'make release KEY=packer.key' runs this for you.

                Example: airlock-pack sign-release dist/airlock-0.1.0-linux-x86_64 --key /etc/airlock/packer.key
                """)

        @Argument(help: ArgumentHelp("The unpacked release folder, holding SHA256SUMS.", valueName: "dir"))
        var directory: String

        @Option(help: ArgumentHelp("The packer's secret signing key.", valueName: "packer.key"))
        var key: String

        @OptionGroup var passphrase: PassphraseOptions

        func run() throws {
            try Report.running("airlock-pack") {
                let identity = try KeyLoading.packerIdentity(key, passphrase: passphrase)
                let result = try ReleaseFolder.sign(directory: directory, with: identity.signer)
                print("signed \(directory)/\(ReleaseSignature.fileName): \(result.fileCount) files, packer key id \(KeyID(identity.publicKey))")
            }
        }
    }
}
