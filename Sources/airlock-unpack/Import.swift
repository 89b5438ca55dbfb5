import AirlockCLI
import AirlockFormat
import ArchiveStore
import ArgumentParser

extension AirlockUnpack {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Verify, decrypt and archive bundles, each in one transaction, and write a signed receipt for each.",
            discussion: """
                Acceptance order: strict header parse, signer on the trust list, signature, chain position,
                decryption, manifest counts; then records, the bundle, the audit entry and the stored copy are
                committed together. Bundles given together are imported in (chain, sequence) order. A bundle
                imported before is a no-op that writes its receipt again. A fork or a gap is refused (exit 11) and
                recorded in the audit log, like every rejection.

                Receipts: RECEIPTS/<chain>-<sequence>.receipt (default DIR/receipts); carry them to the online
                server for 'airlock-pack confirm'.

                Example: airlock-unpack import /media/usb/*.airlock --store /srv/airlock/archive
                """)

        @Argument(help: ArgumentHelp("Bundle files.", valueName: "bundle"))
        var bundles: [String]

        @OptionGroup var store: StoreOptions

        @Option(name: .customLong("receipts"), help: ArgumentHelp("Folder for receipts.", valueName: "dir"))
        var receipts: String?

        @OptionGroup var key: OfflineKeyOptions

        @Flag(help: "Print one JSON object per bundle on stdout.")
        var json = false

        func validate() throws {
            if bundles.isEmpty { throw ValidationError("give at least one bundle file") }
        }

        func run() throws {
            try Report.running("airlock-unpack") {
                let archive = try store.open()
                let identity = try key.identity(for: archive)
                let outcomes = try archive.importBundles(at: bundles, identity: identity, receiptsDirectory: receipts)
                var firstFailure: ArchiveError?
                var results: [ImportResultJSON] = []
                for outcome in outcomes {
                    switch outcome.result {
                    case let .success(summary):
                        Report.note(Self.line(summary))
                        results.append(ImportResultJSON(path: outcome.path, summary: summary, error: nil, code: nil))
                    case let .failure(error):
                        Report.note("REJECTED \(outcome.path): \(error.description)")
                        results.append(ImportResultJSON(path: outcome.path, summary: nil, error: error.description, code: error.code))
                        if firstFailure == nil { firstFailure = error }
                    }
                }
                if json { Report.json(results) }
                if let firstFailure { throw ExitCode(firstFailure.exit.rawValue) }
            }
        }

        static func line(_ summary: ImportSummary) -> String {
            let position = "chain \(summary.chain) bundle \(summary.sequence)"
            switch summary.status {
            case .alreadyImported:
                return "already imported: \(summary.path) (\(position)); nothing changed; receipt written again: \(summary.receiptPath)"
            case .imported, .newChain:
                let note = summary.status == .newChain ? " — NEW CHAIN: first bundle of a chain not seen before" : ""
                return "imported \(summary.path) (\(position))\(note): \(summary.members) members, \(summary.orders) orders "
                    + "(\(summary.newRecords) new, \(summary.changedRecords) changed, \(summary.unchangedRecords) unchanged); "
                    + "receipt: \(summary.receiptPath)"
            }
        }
    }
}

/// One bundle's line of `import --json`.
struct ImportResultJSON: Encodable {
    var path: String
    var summary: ImportSummary?
    var error: String?
    var code: String?
}
