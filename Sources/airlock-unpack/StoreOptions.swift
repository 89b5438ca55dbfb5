import AirlockCLI
import AirlockFormat
import ArchiveStore
import ArgumentParser

/// `--store DIR`, shared by every archive command.
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("store"), help: ArgumentHelp("The archive folder (made by 'init').", valueName: "dir"))
    var store: String

    /// Opens the archive.
    func open() throws -> Archive { try Archive.open(at: store) }
}

/// The offline key options of commands that decrypt: `--key` (default: the path in the store's config) and
/// the passphrase source.
struct OfflineKeyOptions: ParsableArguments {
    @Option(name: .customLong("key"), help: ArgumentHelp(
        "The offline secret key (default: the one the store was created with).", valueName: "offline.key"))
    var key: String?

    @OptionGroup var passphrase: PassphraseOptions

    /// Loads the offline identity and checks it is the store's.
    func identity(for archive: Archive) throws -> OfflineIdentity {
        let identity = try KeyLoading.offlineIdentity(key ?? archive.config.offlineKeyPath, passphrase: passphrase)
        try archive.checkIdentity(identity.publicIdentity)
        return identity
    }
}
