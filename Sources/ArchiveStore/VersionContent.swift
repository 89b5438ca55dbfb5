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
        typealias Malformed = VersionJSONReader.Malformed
        self.kind = kind
        self.key = key
        self.fields = try VersionJSONReader.parse(fields).fields()
        self.maskedAtSource = try VersionJSONReader.parse(maskedAtSource).strings()
        guard case let .array(itemValues) = try VersionJSONReader.parse(items) else {
            throw Malformed(description: "items is not an array")
        }
        self.items = try itemValues.map { try $0.fields() }
        let sourceValue = try VersionJSONReader.parse(source)
        guard let file = sourceValue["file"]?.string, let columns = try sourceValue["columns"]?.strings(),
            case let .array(rowValues)? = sourceValue["rows"]
        else { throw Malformed(description: "source lacks file, columns or rows") }
        var columnFields: [String?]?
        switch sourceValue["fields"] {
        case nil, .null?: columnFields = nil
        case let .array(elements)?:
            columnFields = try elements.map { element in
                switch element {
                case .null: return nil
                case let .string(text): return text
                default: throw Malformed(description: "source fields holds a value that is not a string")
                }
            }
        default: throw Malformed(description: "source fields is not an array")
        }
        let rows = try rowValues.map { row -> Source.Row in
            guard case let .number(text)? = row["row"], let number = UInt64(text), let cells = try row["cells"]?.strings()
            else { throw Malformed(description: "a source row lacks its number or cells") }
            return Source.Row(row: number, cells: cells)
        }
        self.source = Source(file: file, columns: columns, fields: columnFields, rows: rows)
    }

    /// Lower-case hex `BLAKE2b-256("airlock/v1/archive-version" ‖ 0x00 ‖ canonical encoding)`.
    var hash: String { hash(plans: nil) }

    /// ``hash``, with the fields' orders taken from `plans` when given.
    func hash(plans: FieldPlans?) -> String {
        var bytes = ByteAccumulator(capacity: 2048)
        Self.hashDomain.withUnsafeBufferPointer { bytes.append($0) }
        func appendLength(_ count: Int) {
            withUnsafeBytes(of: UInt32(count).littleEndian) { bytes.append($0.assumingMemoryBound(to: UInt8.self)) }
        }
        func append(_ text: String) {
            var text = text
            text.withUTF8 { utf8 in
                appendLength(utf8.count)
                bytes.append(utf8)
            }
        }
        // A count goes in as its decimal text, length-prefixed like any other string.
        func append(count: Int) {
            withDecimalDigits(UInt64(count)) { digits in
                appendLength(digits.count)
                bytes.append(digits)
            }
        }
        func append(_ fields: [ShopRecord.Field]) {
            append(count: fields.count)
            for index in plans?.plan(for: fields).hashOrder ?? FieldPlans.hashOrder(fields) {
                append(fields[index].name)
                append(fields[index].value)
            }
        }
        append(kind.rawValue)
        append(key)
        append(fields)
        append(count: maskedAtSource.count)
        maskedAtSource.sorted().forEach { append($0) }
        append(count: items.count)
        items.forEach { append($0) }
        append(count: source.columns.count)
        source.columns.forEach { append($0) }
        append(count: source.rows.count)
        for row in source.rows {
            append(count: row.cells.count)
            row.cells.forEach { append($0) }
        }
        let hasher = BLAKE2b(outputLength: 32)
        bytes.withBytes { hasher.update(UnsafeRawBufferPointer($0)) }
        return Hex.encode(hasher.finalize())
    }

    /// The value of a field, if present.
    subscript(field name: String) -> String? { fields.first { $0.name == name }?.value }
}
