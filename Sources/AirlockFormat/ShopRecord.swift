/// A member or an order as sealed in a bundle: its canonical fields, what was masked at source, its line
/// items, and every source row it came from with every column (credential columns excepted).
/// Encoding: `Spec/records.md`, "Record frames".
public struct ShopRecord: Equatable, Sendable {
    /// A record's kind; also its frame type.
    public enum Kind: String, Sendable, CaseIterable, Codable {
        case member
        case order

        /// The payload frame type that carries this kind.
        public var frameKind: PayloadFrame.Kind { self == .member ? .member : .order }
    }

    /// A canonical field name and its value.
    public struct Field: Equatable, Sendable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// One row of the source CSV, its cells aligned with the source's `columns` in the manifest.
    public struct SourceRow: Equatable, Sendable {
        /// 1-based record number in the source file (the header is row 1).
        public var row: UInt64
        /// The decoded cell values, in source column order.
        public var cells: [String]

        public init(row: UInt64, cells: [String]) {
            self.row = row
            self.cells = cells
        }
    }

    public var kind: Kind
    /// Index of the record's source file in the manifest's `sources`.
    public var source: UInt16
    /// `member_id` or `order_no`.
    public var key: String
    /// Record-level canonical fields, sorted by name, names unique.
    public var fields: [Field]
    /// Canonical fields whose value was already a mask when exported (the offline side keeps its older value).
    public var maskedAtSource: [String]
    /// Orders: the canonical item fields of each line item, in source order. Members: empty.
    public var items: [[Field]]
    /// The source rows, in file order.
    public var rows: [SourceRow]

    /// Makes a record; fields, item fields and masked-at-source names are put in canonical (sorted) order.
    public init(
        kind: Kind, source: UInt16, key: String, fields: [Field], maskedAtSource: [String] = [],
        items: [[Field]] = [], rows: [SourceRow]
    ) {
        self.kind = kind
        self.source = source
        self.key = key
        self.fields = fields.sorted { $0.name < $1.name }
        self.maskedAtSource = Array(Set(maskedAtSource)).sorted()
        self.items = items.map { item in item.sorted { $0.name < $1.name } }
        self.rows = rows
    }

    /// The value of a canonical field, if present.
    public subscript(field name: String) -> String? {
        fields.first { $0.name == name }?.value
    }
}
