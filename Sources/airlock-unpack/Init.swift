import AirlockCLI
import AirlockFormat
import ArchiveStore
import ArgumentParser

extension AirlockUnpack {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create the append-only archive: a folder for bundles, the trust list and the index.",
            discussion: """
                Makes DIR (mode 0700) with archive.sqlite, bundles/, trust and config.json. The offline secret key
                stays where you keep it: the store records its path and key ids (the passphrase is asked once to
                check the key). Every packer key given with --trust is trusted from the start.

                Example: airlock-unpack init --store /srv/airlock/archive --key keys/offline.key --trust packer.pub
                """)

        @OptionGroup var store: StoreOptions

        @Option(name: .customLong("key"), help: ArgumentHelp("The offline secret key.", valueName: "offline.key"))
        var key: String

        @Option(name: .customLong("trust"), help: ArgumentHelp("A packer public key to trust (repeatable).", valueName: "packer.pub"))
        var trusted: [String] = []

        @OptionGroup var passphrase: PassphraseOptions

        func validate() throws {
            if trusted.isEmpty { throw ValidationError("give the packer's public key with --trust packer.pub") }
        }

        func run() throws {
            try Report.running("airlock-unpack") {
                let keys = try trusted.map { path throws(KeyFileError) in try KeyLoading.packerPublicKey(path) }
                let identity = try KeyLoading.offlineIdentity(key, passphrase: passphrase)
                let archive = try Archive.create(
                    at: store.store, offlineKeyPath: key, identity: identity.publicIdentity, trusting: keys)
                print("created archive \(archive.layout.root)")
                print("offline key id: \(archive.config.offlineKeyID) (key file \(archive.config.offlineKeyPath), not copied)")
                for id in try archive.trustList().keyIDs { print("trusted packer key: \(id)") }
            }
        }
    }
}
