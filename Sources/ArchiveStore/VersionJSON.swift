import AirlockFormat

/// Writes the JSON text of a version's columns byte for byte as `JSONEncoder` with `.sortedKeys` and
/// `.withoutEscapingSlashes` writes them (`Spec/archive.md`, "Stored JSON"), without going through `Encodable`.
///
/// Why not `JSONEncoder`: at import it took over half of all the time, about 0.7 ms per record, in boxing and
/// dynamic casts. The shapes here are few and fixed (objects of strings, arrays of strings, the source rows), so
/// a direct writer is short; `VersionJSONTests` checks it against `JSONEncoder` on hostile strings, so that
/// archives indexed by either one compare equal in `check`.
struct VersionJSON: ~Copyable {
    private(set) var bytes: ByteAccumulator

    init(capacity: Int = 256) { bytes = ByteAccumulator(capacity: capacity) }

    /// The text written so far.
    var text: String { bytes.withBytes { String(decoding: $0, as: UTF8.self) } }

    /// A JSON string: `"` and `\` escaped, control characters as `\b \f \n \r \t` or `\u00XX`, everything
    /// else (slashes and non-ASCII included) as its UTF-8 bytes.
    mutating func string(_ value: String) {
        bytes.append(0x22)
        var value = value
        value.withUTF8 { utf8 in
            var runStart = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
                bytes.append(UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                runStart = index + 1
                bytes.append(0x5C)
                switch byte {
                case 0x22: bytes.append(0x22)
                case 0x5C: bytes.append(0x5C)
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                default: bytes.append(utf8: "u00" + Hex.encode([byte]))
                }
            }
            bytes.append(UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(0x22)
    }

    /// A JSON array: `[`, each element written by `element`, commas between, `]`.
    mutating func array<Element>(_ values: [Element], _ element: (inout Self, Element) -> Void) {
        bytes.append(0x5B)
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(0x2C) }
            element(&self, value)
        }
        bytes.append(0x5D)
    }

    /// A JSON array of strings.
    mutating func array(_ values: [String]) { array(values) { $0.string($1) } }

    /// A JSON array of strings and nulls.
    mutating func array(_ values: [String?]) {
        array(values) { json, value in if let value { json.string(value) } else { json.raw("null") } }
    }

    /// A JSON object of string values, keys in ascending UTF-8 order; the first of two equal names wins.
    /// - Parameter order: The fields' indices in that order, if known (``FieldPlans``).
    mutating func object(_ fields: [ShopRecord.Field], order: [Int]? = nil) {
        bytes.append(0x7B)
        var previous: String?
        for index in order ?? FieldPlans.jsonOrder(fields) {
            let field = fields[index]
            guard field.name != previous else { continue }
            if previous != nil { bytes.append(0x2C) }
            previous = field.name
            string(field.name)
            bytes.append(0x3A)
            string(field.value)
        }
        bytes.append(0x7D)
    }

    /// An unsigned integer in decimal.
    mutating func number(_ value: UInt64) { bytes.append(decimal: value) }

    /// A literal piece of JSON syntax (a key with its quotes and colon, a brace).
    mutating func raw(_ text: StaticString) { bytes.append(text) }
}

extension VersionContent {
    /// The JSON text of each stored column, as `JSONEncoder` (sorted keys, unescaped slashes) would write it.
    var columns: (fields: String, maskedAtSource: String, items: String, source: String) { columns(plans: nil) }

    /// ``columns``, with the fields' orders taken from `plans` when given.
    func columns(plans: FieldPlans?) -> (fields: String, maskedAtSource: String, items: String, source: String) {
        let utf8 = columnBytes(plans: plans)
        func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
        return (text(utf8.fields), text(utf8.maskedAtSource), text(utf8.items), text(utf8.source))
    }

    /// ``columns(plans:)`` as UTF-8 bytes, which the import binds as they are: turning them into `String`s would
    /// validate every byte again, for text written here from `String`s.
    func columnBytes(plans: FieldPlans?) -> StoredColumns {
        var fieldsJSON = VersionJSON()
        fieldsJSON.object(fields, order: plans?.plan(for: fields).jsonOrder)
        var maskedJSON = VersionJSON(capacity: 32)
        maskedJSON.array(maskedAtSource)
        var itemsJSON = VersionJSON()
        itemsJSON.array(items) { json, item in json.object(item, order: plans?.plan(for: item).jsonOrder) }
        var sourceJSON = VersionJSON(capacity: 1024)
        sourceJSON.raw("{\"columns\":")
        sourceJSON.array(source.columns)
        if let fields = source.fields {
            sourceJSON.raw(",\"fields\":")
            sourceJSON.array(fields)
        }
        sourceJSON.raw(",\"file\":")
        sourceJSON.string(source.file)
        sourceJSON.raw(",\"rows\":")
        sourceJSON.array(source.rows) { json, row in
            json.raw("{\"cells\":")
            json.array(row.cells)
            json.raw(",\"row\":")
            json.number(row.row)
            json.raw("}")
        }
        sourceJSON.raw("}")
        return StoredColumns(
            fields: fieldsJSON.bytes.array, maskedAtSource: maskedJSON.bytes.array, items: itemsJSON.bytes.array,
            source: sourceJSON.bytes.array)
    }

    /// The UTF-8 JSON text of a version's four stored columns.
    struct StoredColumns: Sendable {
        var fields: [UInt8]
        var maskedAtSource: [UInt8]
        var items: [UInt8]
        var source: [UInt8]
    }
}
