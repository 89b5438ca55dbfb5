public import AirlockFormat

/// One version of a member or an order as the archive holds it, with the bundle it came from.
public struct ArchivedVersion: Equatable, Sendable, Encodable {
    /// Member or order.
    public var kind: ShopRecord.Kind
    /// `member_id` or `order_no`.
    public var key: String
    /// Lower-case hex content hash (`Spec/archive.md`, "Versions").
    public var contentHash: String
    /// Canonical fields, sorted by name, as they arrived (masked-at-source values included).
    public var fields: [ShopRecord.Field]
    /// Fields whose value was already a mask at the source.
    public var maskedAtSource: [String]
    /// Orders: each line item's canonical fields.
    public var items: [[ShopRecord.Field]]
    /// The source file's name, its columns, and the record's rows.
    public var sourceFile: String
    /// The source file's column names: each row's cells align with them.
    public var columns: [String]
    /// For each column, the canonical field it maps to, or nil when unmapped; nil for versions indexed before
    /// the mapping was kept (`rebuild` adds it).
    public var columnFields: [String?]?
    /// The record's source rows, numbered as in the source file.
    public var rows: [ShopRecord.SourceRow]
    /// The bundle that brought this version (for history entries: the bundle of that change).
    public var bundle: BundleReference

    /// The value of a canonical field, if present.
    public subscript(field name: String) -> String? { fields.first { $0.name == name }?.value }

    init(_ content: VersionContent, contentHash: String, bundle: BundleReference) {
        kind = content.kind
        key = content.key
        self.contentHash = contentHash
        fields = content.fields
        maskedAtSource = content.maskedAtSource
        items = content.items
        sourceFile = content.source.file
        columns = content.source.columns
        columnFields = content.source.fields
        rows = content.source.rows.map { ShopRecord.SourceRow(row: $0.row, cells: $0.cells) }
        self.bundle = bundle
    }

    /// The record as it arrived, e.g. to re-export it.
    public var record: ShopRecord {
        ShopRecord(
            kind: kind, source: 0, key: key, fields: fields, maskedAtSource: maskedAtSource, items: items, rows: rows)
    }

    enum CodingKeys: String, CodingKey {
        case kind, key, fields, items, columns, rows, bundle
        case contentHash = "content_hash"
        case maskedAtSource = "masked_at_source"
        case sourceFile = "source_file"
    }

    struct RowJSON: Encodable {
        var row: UInt64
        var cells: [String]
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(key, forKey: .key)
        try container.encode(contentHash, forKey: .contentHash)
        try container.encode(FieldsJSON(fields), forKey: .fields)
        try container.encode(maskedAtSource, forKey: .maskedAtSource)
        try container.encode(items.map(FieldsJSON.init), forKey: .items)
        try container.encode(sourceFile, forKey: .sourceFile)
        try container.encode(columns, forKey: .columns)
        try container.encode(rows.map { RowJSON(row: $0.row, cells: $0.cells) }, forKey: .rows)
        try container.encode(bundle, forKey: .bundle)
    }
}

/// Fields encoded as one JSON object, name → value.
struct FieldsJSON: Encodable {
    var fields: [ShopRecord.Field]

    init(_ fields: [ShopRecord.Field]) { self.fields = fields }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Dictionary(fields.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first }))
    }
}
