/// The binary body of member and order frames (`Spec/records.md`): little-endian integers, strings as
/// `u32 length ‖ UTF-8`, decoded strictly (valid UTF-8, limits, canonical order, nothing left over).
public enum RecordCodec {
    /// The longest string a reader accepts (1 MiB).
    public static let maxStringLength = 1 << 20

    /// Encodes a record body.
    public static func encode(_ record: ShopRecord) -> [UInt8] {
        var writer = ByteWriter()
        writer.append(record.source)
        writer.appendString(record.key)
        appendFields(record.fields, to: &writer)
        writer.append(UInt16(record.maskedAtSource.count))
        for name in record.maskedAtSource { writer.appendString(name) }
        writer.append(UInt16(record.items.count))
        for item in record.items { appendFields(item, to: &writer) }
        writer.append(UInt32(record.rows.count))
        for row in record.rows {
            writer.append(row.row)
            writer.append(UInt16(row.cells.count))
            for cell in row.cells { writer.appendString(cell) }
        }
        return writer.bytes
    }

    /// The length of ``encode(_:)``'s output, computed without building it (the packer's counting pass).
    public static func encodedSize(_ record: ShopRecord) -> Int {
        func fieldsSize(_ fields: [ShopRecord.Field]) -> Int {
            fields.reduce(2) { $0 + 8 + $1.name.utf8.count + $1.value.utf8.count }
        }
        var size = 2 + 4 + record.key.utf8.count + fieldsSize(record.fields)
        size += record.maskedAtSource.reduce(2) { $0 + 4 + $1.utf8.count }
        size += record.items.reduce(2) { $0 + fieldsSize($1) }
        size += 4
        for row in record.rows { size += row.cells.reduce(8 + 2) { $0 + 4 + $1.utf8.count } }
        return size
    }

    /// Decodes a record body of the given kind.
    /// - Throws: ``FormatError/malformedPayload(_:)`` or ``FormatError/limitExceeded(_:)``.
    public static func decode(_ body: [UInt8], kind: ShopRecord.Kind) throws(FormatError) -> ShopRecord {
        var reader = ByteReader(body)
        guard let source = reader.u16() else { throw truncated }
        let key = try string(&reader)
        let fields = try decodeFields(&reader)
        guard let maskedCount = reader.u16() else { throw truncated }
        var masked: [String] = []
        for _ in 0..<maskedCount { masked.append(try string(&reader)) }
        guard masked == Array(Set(masked)).sorted() else {
            throw .malformedPayload("masked-at-source names are not sorted and unique")
        }
        guard let itemCount = reader.u16() else { throw truncated }
        guard kind == .order || itemCount == 0 else { throw .malformedPayload("a member record with line items") }
        var items: [[ShopRecord.Field]] = []
        for _ in 0..<itemCount { items.append(try decodeFields(&reader)) }
        guard let rowCount = reader.u32() else { throw truncated }
        guard rowCount >= 1 else { throw .malformedPayload("a record without source rows") }
        var rows: [ShopRecord.SourceRow] = []
        for _ in 0..<rowCount {
            guard let number = reader.u64(), let cellCount = reader.u16() else { throw truncated }
            var cells: [String] = []
            cells.reserveCapacity(Int(cellCount))
            for _ in 0..<cellCount { cells.append(try string(&reader)) }
            rows.append(ShopRecord.SourceRow(row: number, cells: cells))
        }
        guard reader.remaining == 0 else { throw .malformedPayload("\(reader.remaining) bytes after a record") }
        var record = ShopRecord(kind: kind, source: source, key: key, fields: [], items: items, rows: rows)
        record.fields = fields
        record.maskedAtSource = masked
        return record
    }

    private static var truncated: FormatError { .malformedPayload("a record ends early") }

    private static func appendFields(_ fields: [ShopRecord.Field], to writer: inout ByteWriter) {
        writer.append(UInt16(fields.count))
        for field in fields {
            writer.appendString(field.name)
            writer.appendString(field.value)
        }
    }

    private static func decodeFields(_ reader: inout ByteReader) throws(FormatError) -> [ShopRecord.Field] {
        guard let count = reader.u16() else { throw truncated }
        var fields: [ShopRecord.Field] = []
        for _ in 0..<count {
            let name = try string(&reader)
            let value = try string(&reader)
            if let last = fields.last, !(last.name < name) {
                throw .malformedPayload("field names are not sorted and unique")
            }
            fields.append(ShopRecord.Field(name: name, value: value))
        }
        return fields
    }

    private static func string(_ reader: inout ByteReader) throws(FormatError) -> String {
        guard let length = reader.u32() else { throw truncated }
        guard Int(length) <= maxStringLength else {
            throw .limitExceeded("a field of \(length) bytes, over \(maxStringLength)")
        }
        guard let bytes = reader.take(Int(length)) else { throw truncated }
        // Most cells are ASCII (ids, dates, amounts, e-mail addresses): those need no UTF-8 validation, and the
        // validating initialiser costs a fifth of an import's decoding even on them.
        let ascii = bytes.withUnsafeBufferPointer { buffer in buffer.allSatisfy { $0 < 0x80 } }
        if ascii { return String(decoding: bytes, as: UTF8.self) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .malformedPayload("a string is not valid UTF-8")
        }
        return text
    }
}
