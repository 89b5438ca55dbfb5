import AirlockFormat
import Foundation
import GRDB
import Masking
import ShopData

extension Archive {
    /// Writes the records of one kind to a new file: the current view (or every version), in the canonical
    /// layout or a profile's, as CSV or JSON Lines, optionally masked; then records the export in the audit
    /// log (`Spec/export.md`).
    ///
    /// The archive is read in one transaction, so the file reflects one consistent state; the same archive and
    /// options give the same bytes. The file appears only when complete (temporary file, then rename), with mode
    /// 0600; on any error nothing is left at `path`.
    ///
    /// - Parameters:
    ///   - options: what to export and how.
    ///   - path: the file to create; an existing file is never replaced.
    /// - Returns: counts of what was written.
    /// - Throws: ``ExportError``; `.unrepresentable` names the record key and column of a value the encoding
    ///   cannot hold.
    @discardableResult
    public func export(_ options: ExportOptions, to path: String) throws(ExportError) -> ExportSummary {
        if FileSystem.exists(path) { throw .outputExists(path: path) }
        if options.format == .jsonl, !["utf-8", "utf8"].contains(options.encoding.lowercased()) {
            throw .unsupportedEncoding("JSON Lines is always UTF-8; --encoding applies to CSV only")
        }
        let kind: ShopData.RecordKind = options.kind == .member ? .members : .orders
        let profile = try Self.exportProfile(options.profile)
        let policy = options.masked ? try Self.exportPolicy(options.policyPath) : nil
        var layout = try ExportLayout(kind: kind, profile: profile)
        var summary = ExportSummary(path: path, records: 0, rows: 0, columns: 0, blankedCells: 0)
        do {
            try queue.read { db in
                // First pass: which unmapped source columns the exported records bring.
                try Self.forEachEntry(options, in: db) { entry throws(ExportError) in
                    try layout.carryUnmappedColumns(of: entry.version)
                }
                if options.history { layout.addHistoryColumns() }
                summary.columns = layout.columns.count
                let masker = policy.map { ExportMasker(policy: $0, layout: layout) }
                let sink: any ExportSink = switch options.format {
                case .csv:
                    try CSVExportSink(
                        path: path, encoding: options.encoding, spreadsheetSafe: options.spreadsheetSafe,
                        headers: layout.columns.map(\.header))
                case .jsonl:
                    try JSONLinesExportSink(path: path, keys: layout.columns.map(\.key))
                }
                do {
                    try Self.forEachEntry(options, in: db) { entry throws(ExportError) in
                        summary.records += 1
                        for var row in layout.rows(of: entry) {
                            summary.blankedCells += masker?.mask(&row) ?? 0
                            try sink.write(row, key: entry.version.key)
                            summary.rows += 1
                        }
                    }
                    try sink.finish()
                } catch {
                    sink.cancel()
                    throw error
                }
            }
        } catch let error as ExportError {
            throw error
        } catch {
            throw .store(DatabaseAccess.mapped(error))
        }
        try auditExport(options, profile: profile, summary: summary)
        return summary
    }

    /// Appends the `export` audit entry; if that fails the file is removed: no export goes unrecorded.
    private func auditExport(_ options: ExportOptions, profile: Profile?, summary: ExportSummary) throws(ExportError) {
        var details = [
            "kind": options.kind.rawValue, "format": options.format.rawValue,
            "masked": options.masked ? "yes" : "no", "view": options.history ? "history" : "current",
            "layout": profile?.name ?? "airlock", "file": URL(fileURLWithPath: summary.path).lastPathComponent,
        ]
        if options.format == .csv {
            details["encoding"] = options.encoding.lowercased()
            details["spreadsheet_safe"] = options.spreadsheetSafe ? "yes" : "no"
        }
        if let since = options.since { details["since"] = since.description }
        if let until = options.until { details["until"] = until.description }
        do {
            try recordExport(details: details, counts: ["records": summary.records, "rows": summary.rows])
        } catch {
            FileSystem.remove(summary.path)
            throw .store(error)
        }
    }

    /// Calls `body` with each entry the options select: current views (or every revision), key order, then
    /// revision order; filtered by day.
    private static func forEachEntry(
        _ options: ExportOptions, in db: Database, _ body: (ExportEntry) throws(ExportError) -> Void
    ) throws {
        try VersionQuery.forEachRecordRevisions(kind: options.kind, in: db) { versions in
            if options.history {
                for (index, version) in versions.enumerated() {
                    let entry = ExportEntry(version: version, revision: index + 1)
                    if isSelected(entry, options) { try body(entry) }
                }
            } else {
                let entry = ExportEntry(current: CurrentRecord(revisions: versions))
                if isSelected(entry, options) { try body(entry) }
            }
        }
    }

    /// Whether the entry's day (`registered_at` for members, `completed_at` for orders, else the day its bundle
    /// was imported, UTC) is within `--since`/`--until`.
    private static func isSelected(_ entry: ExportEntry, _ options: ExportOptions) -> Bool {
        guard options.since != nil || options.until != nil else { return true }
        let name = options.kind == .member ? "registered_at" : "completed_at"
        let value = entry.fields.first { $0.name == name }?.value
        guard let day = value.flatMap(ExportDay.named(by:)) ?? ExportDay.named(by: entry.version.bundle.importedAt)
        else { return false }
        if let since = options.since, day < since { return false }
        if let until = options.until, day > until { return false }
        return true
    }

    /// The profile named by `--profile`: a built-in name or a `.json` file; nil for the canonical layout.
    private static func exportProfile(_ argument: String?) throws(ExportError) -> Profile? {
        guard let argument else { return nil }
        do {
            return try ProfileRegistry.builtIn.resolve(argument)
        } catch let .io(_, operation, code) {
            throw .unreadableInput(path: argument, reason: "cannot \(operation): \(String(cString: strerror(code)))")
        } catch {
            throw .unusableProfile(error.description)
        }
    }

    /// The masking policy: the default one, or the file given with `--policy`.
    private static func exportPolicy(_ path: String?) throws(ExportError) -> MaskingPolicy {
        guard let path else { return .defaultPolicy }
        do {
            return try MaskingPolicy.load(from: URL(fileURLWithPath: path))
        } catch .unreadableFile {
            throw .unreadableInput(path: path, reason: "cannot read the policy file")
        } catch {
            throw .unusablePolicy(error.description)
        }
    }
}
