import AirlockCLI
import ArchiveStore
import ArgumentParser

extension AirlockUnpack {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the archive's members or orders to a CSV or JSON Lines file, in full or masked.",
            discussion: """
                Writes the current view (the newest version of each record; fields masked at the source keep \
                their last real value), or every version with --history, ordered by key then version. The \
                default layout has the canonical field names as headers, then every unmapped column of the \
                sources; --profile shopify|ec-cube|FILE.json writes that platform's headers instead. Orders \
                have one row per line item. A full export gives back every sealed column and value (credential \
                columns are never sealed, so never exported).

                --masked applies the masking policy (default, or --policy FILE) as the online re-export does. \
                --since/--until (YYYY-MM-DD, inclusive) select by registered_at (members) or completed_at \
                (orders) as written, else by the day the record's bundle was imported (UTC).

                CSV cells that a spreadsheet would run as formulas (starting with = + - @, tab or CR) get a ' \
                prefix unless --no-spreadsheet-safe. A character the encoding cannot hold stops the export \
                (exit 65, no file). The file is created new (never replaced), mode 0600, and the export is \
                recorded in the audit log. Details: Spec/export.md.

                Example: airlock-unpack export --store /srv/airlock/archive --kind members \\
                             --profile ec-cube --encoding cp932 --out members.csv
                """)

        @OptionGroup var store: StoreOptions

        @Option(help: "Which records: members or orders.")
        var kind: ExportKindArgument

        @Flag(help: "Mask personal fields with the masking policy.")
        var masked = false

        @Option(help: ArgumentHelp("A masking policy file (with --masked; default: the built-in policy).", valueName: "policy.json"))
        var policy: String?

        @Option(help: ArgumentHelp("Only records dated this day or later.", valueName: "YYYY-MM-DD"))
        var since: String?

        @Option(help: ArgumentHelp("Only records dated this day or earlier.", valueName: "YYYY-MM-DD"))
        var until: String?

        @Option(help: "File format: csv or jsonl (one JSON object per row).")
        var format: ExportFormatArgument = .csv

        @Option(help: "CSV encoding: utf-8, utf-8-bom (Excel), cp932 (Japanese Excel), big5 (Taiwanese Excel).")
        var encoding: ExportEncodingArgument = .utf8

        @Option(help: ArgumentHelp("The layout: airlock (default), shopify, ec-cube, or a profile file.", valueName: "name|FILE.json"))
        var profile: String?

        @Flag(help: "Every version of every record, not only the current view.")
        var history = false

        @Option(help: ArgumentHelp("The file to create.", valueName: "file"))
        var out: String

        @Flag(name: .customLong("no-spreadsheet-safe"), help: "Write CSV cells exactly, without the ' prefix on formula-like cells.")
        var noSpreadsheetSafe = false

        func validate() throws {
            if policy != nil && !masked { throw ValidationError("--policy needs --masked") }
            if format == .jsonl && encoding != .utf8 { throw ValidationError("JSON Lines is always UTF-8: --encoding is for CSV") }
            for (name, value) in [("--since", since), ("--until", until)] {
                if let value, ExportDay(value) == nil { throw ValidationError("\(name) takes a day as YYYY-MM-DD, not '\(value)'") }
            }
            if let since = since.flatMap(ExportDay.init), let until = until.flatMap(ExportDay.init), since > until {
                throw ValidationError("--since \(since) is after --until \(until)")
            }
        }

        func run() throws {
            try Report.running("airlock-unpack") {
                let options = ExportOptions(
                    kind: kind.kind, format: format.format, encoding: encoding.rawValue, profile: profile,
                    masked: masked, policyPath: policy, since: since.flatMap(ExportDay.init),
                    until: until.flatMap(ExportDay.init), history: history, spreadsheetSafe: !noSpreadsheetSafe)
                let summary = try store.open().export(options, to: out)
                Report.note(
                    "exported \(summary.records) \(kind.rawValue) (\(summary.rows) rows, \(summary.columns) columns)"
                        + (masked ? ", masked" : "") + (summary.blankedCells > 0 ? ", \(summary.blankedCells) masked cells left empty" : "")
                        + " to \(out)")
            }
        }
    }
}
