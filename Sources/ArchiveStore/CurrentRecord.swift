public import AirlockFormat

/// A record's current view: its newest version, except that a field masked at the source keeps the newest
/// earlier value that was not masked (`Spec/archive.md`, "Current view").
public struct CurrentRecord: Equatable, Sendable, Encodable {
    /// Member or order.
    public var kind: ShopRecord.Kind
    /// `member_id` or `order_no`.
    public var key: String
    /// The newest version's fields, with masked-at-source fields restored where an earlier real value exists.
    public var fields: [ShopRecord.Field]
    /// Fields masked at the source for which no earlier real value exists: their value is still the mask.
    public var stillMasked: [String]
    /// Fields whose value was taken from an earlier version because the newest one was masked at the source.
    public var restored: [String]
    /// The newest version's line items.
    public var items: [[ShopRecord.Field]]
    /// The newest version, as it arrived.
    public var newest: ArchivedVersion

    /// The value of a field in the current view, if present.
    public subscript(field name: String) -> String? { fields.first { $0.name == name }?.value }

    /// Folds a record's revisions, oldest first, into its current view.
    init(revisions: [ArchivedVersion]) {
        precondition(!revisions.isEmpty)
        let newest = revisions[revisions.count - 1]
        var fields = newest.fields
        var stillMasked: [String] = []
        var restored: [String] = []
        for name in newest.maskedAtSource {
            let earlier = revisions.dropLast().reversed().first { version in
                !version.maskedAtSource.contains(name) && version[field: name] != nil
            }
            if let value = earlier?[field: name], let index = fields.firstIndex(where: { $0.name == name }) {
                fields[index].value = value
                restored.append(name)
            } else {
                stillMasked.append(name)
            }
        }
        kind = newest.kind
        key = newest.key
        self.fields = fields
        self.stillMasked = stillMasked
        self.restored = restored
        items = newest.items
        self.newest = newest
    }

    enum CodingKeys: String, CodingKey {
        case kind, key, fields, restored, items, bundle
        case stillMasked = "still_masked"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(key, forKey: .key)
        try container.encode(FieldsJSON(fields), forKey: .fields)
        try container.encode(stillMasked, forKey: .stillMasked)
        try container.encode(restored, forKey: .restored)
        try container.encode(items.map(FieldsJSON.init), forKey: .items)
        try container.encode(newest.bundle, forKey: .bundle)
    }
}
