import AirlockFormat
import ArchiveStore
import Foundation
import HTTPTypes
import Logging
import Hummingbird
import Masking
import NIOCore
import ShopData

extension ConsoleServer {
    /// `GET /members.csv`, `GET /orders.csv`: the filtered list as CSV in the canonical (Airlock) layout, for
    /// Excel: UTF-8 with a byte order mark, CRLF, and cells that could run as formulas prefixed with `'`.
    /// `masked=1` masks names, phones, addresses, postal codes and invoice numbers with the default masking
    /// policy. Orders have one row per line item. Every export is recorded in the audit log first, with the user's
    /// name, the kind, masked or not, the names of the filters used (never their values) and the counts; an export
    /// that cannot be recorded is not sent.
    func export(_ kind: ShopRecord.Kind, _ request: Request, _ context: ConsoleContext) async throws -> Response {
        guard let user = context.session?.user else { throw HTTPError(.forbidden) }
        let query = ListQuery(kind: kind, page(request, context).query)
        let masked = page(request, context).query["masked"] == "1"
        let archive = self.archive
        let (bytes, records, rows) = try await offloaded {
            try CSVExport.write(archive: archive, filter: query.filter, masked: masked)
        }
        try archive.recordExport(
            details: [
                "by": user, "via": "console", "kind": kind.rawValue, "masked": masked ? "true" : "false",
                "filters": query.conditionNames,
            ],
            counts: ["records": records, "rows": rows])
        logger.notice("user \(user) exported \(records) \(kind.rawValue) records\(masked ? " (masked)" : "")")
        let stamp = Self.fileStamp(settings.clock(), timeZone: settings.timeZone)
        let name = "airlock-\(kind == .member ? "members" : "orders")-\(stamp)\(masked ? "-masked" : "").csv"
        return Response(
            status: .ok,
            headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(name)\""],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// `20261125-1730` in the console's time zone.
    static func fileStamp(_ date: Date, timeZone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "yyyyMMdd-HHmm"
        return formatter.string(from: date)
    }
}

/// Writing an export with ShopData's `CSVWriter`, which writes files only: into a private temporary folder
/// (0700, the file 0600), read back and removed at once.
enum CSVExport {
    /// The CSV bytes, and how many records and rows they hold.
    static func write(archive: Archive, filter: RecordFilter, masked: Bool) throws -> ([UInt8], Int, Int) {
        let kind: ShopData.RecordKind = filter.kind == .member ? .members : .orders
        let maskingKind: Masking.RecordKind = filter.kind == .member ? .members : .orders
        let columns = kind.fields.map(\.rawValue)
        let itemColumns = Set(kind.fields.filter(\.isLineItemField).map(\.rawValue))
        let policy = MaskingPolicy.defaultPolicy

        var template = Array((NSTemporaryDirectory() + "/airlock-console-export-XXXXXX").utf8CString)
        guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
            throw ConsoleError.export(reason: "cannot create a temporary folder in \(NSTemporaryDirectory())")
        }
        let folder = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let url = URL(fileURLWithPath: folder + "/export.csv")
        let writer = try CSVWriter(
            url: url, dialect: CSVDialect(encoding: .utf8, byteOrderMark: true, lineEnding: .crlf),
            spreadsheetSafe: true, columnNames: columns)
        try writer.write(values: columns)
        var records = 0
        var rows = 0
        try archive.forEachCurrentRecord(matching: filter) { record in
            records += 1
            let items = record.items.isEmpty ? [[]] : record.items
            for item in items {
                let values = columns.map { name -> String in
                    let value = itemColumns.contains(name)
                        ? item.first { $0.name == name }?.value ?? "" : record[field: name] ?? ""
                    return masked && !value.isEmpty ? policy.mask(value, field: name, kind: maskingKind).value : value
                }
                try writer.write(values: values)
                rows += 1
            }
        }
        try writer.finish()
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ConsoleError.export(reason: "cannot read the export back from \(url.path)")
        }
        return (Array(data), records, rows)
    }
}
