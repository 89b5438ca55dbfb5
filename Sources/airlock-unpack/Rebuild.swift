import AirlockCLI
import ArchiveStore
import ArgumentParser

extension AirlockUnpack {
    struct Rebuild: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rebuild the index database from the stored bundles, then replace it atomically.",
            discussion: """
                The bundles in DIR/bundles are the source of truth: they are verified, decrypted and replayed into
                a new file, which then replaces archive.sqlite in one rename. The audit log is carried over from the
                old database when it can be read, and a 'rebuild' entry is appended; receipts stay valid.

                Example: airlock-unpack rebuild --store /srv/airlock/archive
                """)

        @OptionGroup var store: StoreOptions

        @OptionGroup var key: OfflineKeyOptions

        @Flag(help: "Print the summary as JSON on stdout.")
        var json = false

        func run() throws {
            try Report.running("airlock-unpack") {
                let layout = StoreLayout(root: store.store)
                let config = try StoreConfig.read(at: layout.root)
                let identity = try KeyLoading.offlineIdentity(key.key ?? config.offlineKeyPath, passphrase: key.passphrase)
                let summary = try Archive.rebuild(at: layout.root, identity: identity)
                if json { Report.json(summary) }
                if !summary.previousDatabaseReadable {
                    Report.warn("airlock-unpack", "the old database could not be read: its audit log is lost; a new one starts here")
                }
                Report.note("rebuilt \(layout.database) from \(summary.bundles) bundles: \(summary.members) members, "
                    + "\(summary.orders) orders; \(summary.carriedAuditEntries) audit entries carried over")
            }
        }
    }
}
