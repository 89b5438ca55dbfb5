import AirlockFormat
import SodiumKit
import Foundation

/// What one version of a record holds, as stored in `versions` (JSON text per column), and its content hash.
///
/// The hash covers kind, key, fields, masked-at-source names, line items, and the source rows' columns and
/// cells — not the source file's name or the row numbers, which change from export to export without the
/// record changing. A record arriving again with the same content hash adds no version.
struct VersionContent: Equatable {
    /// The source rows of a version: file, column names, and each row's number and cells.
    struct Source: Codable, Equatable {
        struct Row: Codable, Equatable {
            var row: UInt64
            var cells: [String]
        }

        var file: String
        var columns: [String]
        /// For each column, the canonical field it maps to (the manifest's `fields`), so that exports can tell
        /// mapped from unmapped columns. Not part of the content hash; nil for versions indexed before it was kept.
        var fields: [String?]?
        var rows: [Row]
    }

    static let hashDomain = Array("airlock/v1/archive-version".utf8) + [0]

    var kind: ShopRecord.Kind
    var key: String
    var fields: [ShopRecord.Field]
    var maskedAtSource: [String]
    var items: [[ShopRecord.Field]]
    var source: Source

    /// The content of `record`, whose rows align with the columns of `source`.
    init(record: ShopRecord, source: Manifest.Source) {
        kind = record.kind
        key = record.key
        fields = record.fields
        maskedAtSource = record.maskedAtSource
        items = record.items
        self.source = Source(
            file: source.file, columns: source.columns, fields: source.fields,
            rows: record.rows.map { Source.Row(row: $0.row, cells: $0.cells) })
    }

    /// Decodes the JSON columns of a stored version.
    init(kind: ShopRecord.Kind, key: String, fields: String, maskedAtSource: String, items: String, source: String) throws {
        let decoder = JSONDecoder()
        self.kind = kind
        self.key = key
        self.fields = try decoder.decode([String: String].self, from: Data(fields.utf8))
            .map { ShopRecord.Field(name: $0.key, value: $0.value) }.sorted { $0.name < $1.name }
        self.maskedAtSource = try decoder.decode([String].self, from: Data(maskedAtSource.utf8))
        self.items = try decoder.decode([[String: String]].self, from: Data(items.utf8)).map { item in
            item.map { ShopRecord.Field(name: $0.key, value: $0.value) }.sorted { $0.name < $1.name }
        }
        self.source = try decoder.decode(Source.self, from: Data(source.utf8))
    }

    /// Lower-case hex `BLAKE2b-256("airlock/v1/archive-version" ‖ 0x00 ‖ canonical encoding)`.
    var hash: String {
        var bytes = Self.hashDomain
        bytes.reserveCapacity(2048)
        func append(_ text: String) {
            var text = text
            text.withUTF8 { utf8 in
                withUnsafeBytes(of: UInt32(utf8.count).littleEndian) { bytes.append(contentsOf: $0) }
                bytes.append(contentsOf: utf8)
            }
        }
        func append(_ fields: [ShopRecord.Field]) {
            append(String(fields.count))
            for field in fields.sorted(by: { $0.name < $1.name }) {
                append(field.name)
                append(field.value)
            }
        }
        append(kind.rawValue)
        append(key)
        append(fields)
        append(String(maskedAtSource.count))
        maskedAtSource.sorted().forEach { append($0) }
        append(String(items.count))
        items.forEach { append($0) }
        append(String(source.columns.count))
        source.columns.forEach { append($0) }
        append(String(source.rows.count))
        for row in source.rows {
            append(String(row.cells.count))
            row.cells.forEach { append($0) }
        }
        return Hex.encode(BLAKE2b.hash(bytes, outputLength: 32))
    }

    /// The value of a field, if present.
    subscript(field name: String) -> String? { fields.first { $0.name == name }?.value }
}
