import AirlockCLI
import ArchiveStore
import ArgumentParser

extension AirlockUnpack {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-verify the archive: bundle signatures and chains, the audit log's hash chain, and the index.",
            discussion: """
                Every stored bundle is verified and decrypted again and replayed into a scratch database inside
                the store, which is compared with the index. Exits 2 naming each problem; 0 when sound.

                Example: airlock-unpack check --store /srv/airlock/archive
                """)

        @OptionGroup var store: StoreOptions

        @OptionGroup var key: OfflineKeyOptions

        @Flag(help: "Print the report as JSON on stdout.")
        var json = false

        func run() throws {
            try Report.running("airlock-unpack") {
                let archive = try store.open()
                let report = try archive.check(identity: try key.identity(for: archive))
                if json { Report.json(report) }
                for note in report.notes { Report.note("note: \(note)") }
                for problem in report.problems { Report.note("PROBLEM: \(problem)") }
                let summary = "\(report.bundlesChecked) bundles, \(report.auditEntriesChecked) audit entries, "
                    + "\(report.recordsCompared) records compared"
                if report.isSound {
                    if !json { print("OK: archive \(archive.layout.root) is sound (\(summary))") }
                } else {
                    Report.fail("airlock-unpack", "the archive check found \(report.problems.count) problem(s) (\(summary))", .checkFailed)
                }
            }
        }
    }
}
