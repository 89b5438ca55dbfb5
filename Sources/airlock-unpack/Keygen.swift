import AirlockCLI
import AirlockFormat
import ArgumentParser

extension AirlockUnpack {
    struct Keygen: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make the offline host's identity: offline.key (secret) and offline.pub (public).",
            discussion: """
                offline.key holds an X25519 key that bundles are sealed to and an Ed25519 key that signs \
                receipts, encrypted with your passphrase (Argon2id + XChaCha20-Poly1305), mode 0600. \
                offline.pub is one line you copy to the online server; read its key id over the phone \
                to check it arrived unchanged.

                Example: airlock-unpack keygen --out /srv/airlock/keys
                """)

        @OptionGroup var options: KeygenOptions

        func run() throws {
            try Report.running("airlock-unpack") {
                let secretPath = options.outputDirectory + "/offline.key"
                let publicPath = options.outputDirectory + "/offline.pub"
                try KeyFiles.refuseExisting([secretPath, publicPath])
                let protection = try options.prepare(secretPath: secretPath, tool: "airlock-unpack")
                let identity = OfflineIdentity.generate()
                try SecretKeyFile.write(identity, to: secretPath, protection: protection)
                try KeyFiles.writePublic(PublicKeyText.file(identity.publicIdentity), to: publicPath)
                print("wrote \(secretPath) (secret: keep it on this host) and \(publicPath) (public)")
                print("offline key id: \(identity.publicIdentity.keyID)")
                print("receipt key id: \(KeyID(identity.publicIdentity.receiptSigner))")
            }
        }
    }
}
