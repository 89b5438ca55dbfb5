import AirlockFormat
import Foundation
import GRDB
import Masking
import ShopData

extension Archive {
    /// Writes the current records that match `filter` (a console list) to a new CSV file, in list order, with
    /// `export`'s canonical layout (unmapped source columns carried over), masking and writer (`Spec/export.md`);
    /// then records the export in the audit log. Like ``export(_:to:)``: one read transaction, a file that
    /// appears only when complete (mode 0600), an existing file never replaced, and no export left unrecorded.
    ///
    /// - Parameters:
    ///   - masked: mask with the default masking policy.
    ///   - encoding: `utf-8-bom` (for Excel), `utf-8`, `cp932` or `big5`.
    ///   - auditDetails: added to the audit entry: who exported it and how (ids and names, never a filter's
    ///     values, which can be personal data).
    ///   - path: the file to create.
    /// - Returns: counts of what was written.
    @discardableResult
    public func exportList(
        matching filter: RecordFilter, masked: Bool, encoding: String = "utf-8-bom", auditDetails: [String: String],
        to path: String
    ) throws(ExportError) -> ExportSummary {
        if FileSystem.exists(path) { throw .outputExists(path: path) }
        let kind: ShopData.RecordKind = filter.kind == .member ? .members : .orders
        var layout = try ExportLayout(kind: kind, profile: nil)
        var summary = ExportSummary(path: path, records: 0, rows: 0, columns: 0, blankedCells: 0)
        do {
            try queue.read { db in
                let query = try ConsoleQuery(filter, in: db)
                let sql = "SELECT r.id " + query.body + query.order
                let ids = try Int64.fetchAll(db, sql: sql, arguments: query.arguments)
                func forEachEntry(_ body: (ExportEntry) throws(ExportError) -> Void) throws {
                    var start = 0
                    while start < ids.count {
                        let batch = ids[start..<min(ids.count, start + 200)]
                        let currents = try VersionQuery.currents(recordIDs: batch, in: db)
                        for id in batch { if let current = currents[id] { try body(ExportEntry(current: current)) } }
                        start += batch.count
                    }
                }
                // First pass: which unmapped source columns the exported records bring.
                try forEachEntry { entry throws(ExportError) in try layout.carryUnmappedColumns(of: entry.version) }
                summary.columns = layout.columns.count
                let masker = masked ? ExportMasker(policy: .defaultPolicy, layout: layout) : nil
                let sink = try CSVExportSink(
                    path: path, encoding: encoding, spreadsheetSafe: true, headers: layout.columns.map(\.header))
                do {
                    try forEachEntry { entry throws(ExportError) in
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
        var details = auditDetails
        details.merge([
            "kind": filter.kind.rawValue, "format": "csv", "masked": masked ? "yes" : "no", "view": "current",
            "layout": "airlock", "file": URL(fileURLWithPath: path).lastPathComponent,
            "encoding": encoding.lowercased(), "spreadsheet_safe": "yes",
        ]) { _, ours in ours }
        do {
            try recordExport(details: details, counts: ["records": summary.records, "rows": summary.rows])
        } catch {
            FileSystem.remove(path)
            throw .store(error)
        }
        return summary
    }
}
