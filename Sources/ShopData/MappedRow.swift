/// A row seen through a profile: canonical field values, the columns no field takes, and warnings.
public struct MappedRow: Sendable {
    /// A column that no canonical field takes (kept: every column but credentials survives).
    public struct UnmappedCell: Sendable, Equatable {
        /// The 0-based column index.
        public var column: Int
        /// The header key (`送料#2` for a repeated name).
        public var key: String
        /// The cell value.
        public var value: String
    }

    /// The name of the file the row comes from.
    public let file: String
    /// The row as read.
    public let row: CSVRow
    /// Which kind of record the row holds.
    public let kind: RecordKind
    /// Values by canonical field ordinal (`CanonicalField.allCases` order); `nil` when no column feeds the field.
    let values: [String?]
    /// The columns no canonical field takes, credential columns excluded.
    public let unmapped: [UnmappedCell]
    /// The warnings found in this row (apostrophe prefixes, scientific notation, lost leading zeros).
    public let warnings: [ShopDataWarning]

    init(
        file: String, row: CSVRow, kind: RecordKind, values: [String?], unmapped: [UnmappedCell],
        warnings: [ShopDataWarning]
    ) {
        self.file = file
        self.row = row
        self.kind = kind
        self.values = values
        self.unmapped = unmapped
        self.warnings = warnings
    }

    /// The value of a canonical field: the cleaned cell, or for a joined field its non-empty parts joined.
    /// - Parameter field: The canonical field.
    /// - Returns: The value (possibly empty), or `nil` when the file has no column for the field.
    public subscript(field: CanonicalField) -> String? { values[field.ordinal] }

    /// The canonical fields that have a column in this file, with their values, in canonical order.
    public var fields: [(field: CanonicalField, value: String)] {
        kind.fields.compactMap { field in self[field].map { (field, $0) } }
    }
}

extension CanonicalField {
    /// The 0-based position in `allCases` (a linear search over 43 plain enum cases compares tags only, which is
    /// faster than hashing the raw string in a dictionary).
    var ordinal: Int { Self.allCases.firstIndex(of: self)! }
}
