import AirlockFormat
import ArchiveStore
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

extension ConsoleServer {
    /// `GET /members.csv`, `GET /orders.csv`: the filtered list as CSV with `export`'s canonical layout
    /// (`Spec/export.md`), for Excel: UTF-8 with a byte order mark, CRLF, and cells that could run as formulas
    /// prefixed with `'`. `masked=1` masks names, phones, addresses, postal codes and invoice numbers with the
    /// default masking policy. Orders have one row per line item. The archive records every export in its audit
    /// log, with the user's name and the names of the filters used (never their values); an export that cannot
    /// be recorded is not sent.
    func export(_ kind: ShopRecord.Kind, _ request: Request, _ context: ConsoleContext) async throws -> Response {
        guard let user = context.session?.user else { throw HTTPError(.forbidden) }
        let query = ListQuery(kind: kind, page(request, context).query)
        let masked = page(request, context).query["masked"] == "1"
        let stamp = Self.fileStamp(settings.clock(), timeZone: settings.timeZone)
        let name = "airlock-\(kind == .member ? "members" : "orders")-\(stamp)\(masked ? "-masked" : "").csv"
        let archive = self.archive
        let details = ["by": user, "via": "console", "filters": query.conditionNames]
        let (bytes, records) = try await offloaded {
            try CSVExport.write(archive: archive, filter: query.filter, masked: masked, name: name, details: details)
        }
        logger.notice("user \(user) exported \(records) \(kind.rawValue) records\(masked ? " (masked)" : "")")
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(name)\"",
            ],
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

/// The archive's exports write files only: the console has one written into a private temporary folder (0700,
/// the file 0600), reads it back and removes it at once.
enum CSVExport {
    /// The CSV bytes and the number of records they hold.
    static func write(archive: Archive, filter: RecordFilter, masked: Bool, name: String, details: [String: String])
        throws -> ([UInt8], Int)
    {
        var template = Array((NSTemporaryDirectory() + "/airlock-console-export-XXXXXX").utf8CString)
        guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
            throw ConsoleError.export(reason: "cannot create a temporary folder in \(NSTemporaryDirectory())")
        }
        let folder = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/" + name
        let summary: ExportSummary
        do {
            summary = try archive.exportList(matching: filter, masked: masked, auditDetails: details, to: path)
        } catch {
            throw ConsoleError.export(reason: error.description)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConsoleError.export(reason: "cannot read the export back from \(path)")
        }
        return (Array(data), summary.records)
    }
}
