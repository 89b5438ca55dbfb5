import AirlockCLI
import ArchiveStore
import ArgumentParser

extension AirlockUnpack {
    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the audit log: imports, rejections with their reason, exports, rebuilds, trust changes.",
            discussion: """
                Each entry is hash-chained to the one before; 'check' verifies the chain. Entries hold ids, counts
                and reason codes, never personal data.

                Example: airlock-unpack log --store /srv/airlock/archive --json
                """)

        @OptionGroup var store: StoreOptions

        @Flag(help: "Print the entries as JSON on stdout.")
        var json = false

        func run() throws {
            try Report.running("airlock-unpack") {
                let entries = try store.open().auditLog()
                if json {
                    Report.json(entries)
                    return
                }
                for entry in entries {
                    print("\(entry.seq)  \(entry.time)  \(entry.event)  \(entry.details)  \(entry.entryHash.prefix(16))")
                }
            }
        }
    }
}
