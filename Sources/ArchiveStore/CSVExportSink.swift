import Foundation
import ShopData

/// Writes an export as CSV with ShopData's writer: temporary file, then rename; mode 0600; CRLF line endings,
/// fields quoted when needed; in the chosen encoding, refusing any character it cannot hold.
final class CSVExportSink: ExportSink {
    private let writer: CSVWriter
    private let headers: [String]
    private let path: String

    /// Creates the temporary file and writes the header row.
    init(path: String, encoding: String, spreadsheetSafe: Bool, headers: [String]) throws(ExportError) {
        var dialect = CSVDialect()
        do {
            try dialect.setEncoding(named: encoding)
        } catch {
            throw .unsupportedEncoding("'\(encoding)' is not one exports write (utf-8, utf-8-bom, cp932, big5)")
        }
        self.path = path
        self.headers = headers
        do {
            writer = try CSVWriter(
                url: URL(fileURLWithPath: path), dialect: dialect, spreadsheetSafe: spreadsheetSafe,
                columnNames: headers)
        } catch {
            throw .cannotWrite(path: path, reason: "cannot create the file (\(error.description))")
        }
        try write(headers, key: "(header row)")
    }

    func write(_ values: [String], key: String) throws(ExportError) {
        do {
            try writer.write(values: values)
        } catch let .unrepresentable(location, encoding) {
            let column = location.column.map { $0 - 1 }.flatMap { $0 < headers.count ? headers[$0] : nil } ?? "?"
            throw .unrepresentable(key: key, column: column, encoding: encoding.displayName)
        } catch {
            throw .cannotWrite(path: path, reason: error.description)
        }
    }

    func finish() throws(ExportError) {
        do {
            try writer.finish()
        } catch {
            throw .cannotWrite(path: path, reason: error.description)
        }
    }

    func cancel() { writer.cancel() }
}
