import AirlockCLI
import AirlockFormat
import ArgumentParser

extension AirlockPack {
    struct Keygen: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make the online server's signing identity: packer.key (secret) and packer.pub (public).",
            discussion: """
                packer.key signs every bundle (Ed25519), encrypted with your passphrase, mode 0600. \
                Carry packer.pub to the offline host and trust it there; compare its key id by phone.

                Example: airlock-pack keygen --out /etc/airlock
                """)

        @OptionGroup var options: KeygenOptions

        func run() throws {
            try Report.running("airlock-pack") {
                let secretPath = options.outputDirectory + "/packer.key"
                let publicPath = options.outputDirectory + "/packer.pub"
                try KeyFiles.refuseExisting([secretPath, publicPath])
                let protection = try options.prepare(secretPath: secretPath, tool: "airlock-pack")
                let identity = PackerIdentity.generate()
                try SecretKeyFile.write(identity, to: secretPath, protection: protection)
                try KeyFiles.writePublic(PublicKeyText.file(packer: identity.publicKey), to: publicPath)
                print("wrote \(secretPath) (secret: keep it on this server) and \(publicPath) (public)")
                print("packer key id: \(KeyID(identity.publicKey))")
            }
        }
    }
}
