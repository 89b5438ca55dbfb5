/// A profile layout bound to one file's header: which columns feed which canonical fields.
public struct RowMapper: Sendable {
    /// The layout.
    public let layout: ProfileLayout
    /// Which kind of record the file holds.
    public let kind: RecordKind
    /// The 0-based indexes of credential columns: never sealed, written back unchanged.
    public let credentialColumns: [Int]
    /// The 0-based indexes of columns no canonical field takes, credential columns excluded.
    public let unmappedColumns: [Int]
    /// The 0-based index of the key column.
    public let keyColumn: Int

    private let fileName: String
    private let header: CSVHeader
    private let keyOrdinal: Int
    /// For each canonical field fed by this file: its source columns (in join order) and separator.
    private let sources: [Source]

    /// Where one canonical field's value comes from.
    private struct Source: Sendable {
        var ordinal: Int
        var valueClass: CanonicalField.ValueClass
        var columns: [Int]
        var separator: String
    }

    /// Binds a layout to a header.
    /// - Parameters:
    ///   - profile: The profile.
    ///   - kind: Members or orders.
    ///   - header: The file's header (read with any duplicates allowed; this checks them against the profile).
    ///   - file: The file name, for errors.
    /// - Throws: `ShopDataError.unknownProfile` when the profile has no layout of this kind,
    ///   `.duplicateHeaderName` for a repeated name the profile does not declare, `.missingKeyColumn`.
    public init(profile: Profile, kind: RecordKind, header: CSVHeader, file: String) throws(ShopDataError) {
        guard let layout = profile.layout(for: kind) else { throw .unknownProfile(name: "\(profile.name) \(kind)") }
        self.layout = layout
        self.kind = kind
        self.header = header
        fileName = file
        var first: [String: Int] = [:]
        for (index, name) in header.names.enumerated() {
            if let earlier = first[name] {
                guard layout.duplicateColumns.contains(name) else {
                    throw .duplicateHeaderName(
                        CSVLocation(file: file, row: 1, line: 1, column: index + 1, header: name),
                        firstColumn: earlier + 1)
                }
            } else {
                first[name] = index
            }
        }
        var fed: [CanonicalField: [Int]] = [:]
        var mappedColumns = Set<Int>()
        for (key, fields) in layout.columns {
            guard let index = header.index(of: key) else { continue }
            mappedColumns.insert(index)
            for field in fields { fed[field, default: []].append(index) }
        }
        sources = kind.fields.compactMap { field in
            guard let columns = fed[field] else { return nil }
            let join = layout.joins[field]
            return Source(
                ordinal: field.ordinal, valueClass: field.valueClass,
                columns: join?.columns.compactMap(header.index(of:)) ?? columns, separator: join?.separator ?? "")
        }
        guard let key = fed[layout.key]?.first else {
            let keyHeader = layout.columns.first { $0.value.contains(layout.key) }?.key ?? layout.key.rawValue
            throw .missingKeyColumn(file: file, column: keyHeader)
        }
        keyColumn = key
        keyOrdinal = layout.key.ordinal
        let credentials = Set(layout.credentialColumns.compactMap(header.index(of:)))
        credentialColumns = credentials.sorted()
        unmappedColumns = header.keys.indices.filter { !mappedColumns.contains($0) && !credentials.contains($0) }
    }

    /// Maps a row: cleans IDs, phones and postal codes, joins multi-column fields, collects warnings.
    /// - Parameter row: A data row of the file.
    /// - Returns: The mapped row.
    /// - Throws: `ShopDataError.emptyKey` when the key cell is empty.
    public func map(_ row: CSVRow) throws(ShopDataError) -> MappedRow {
        var values = [String?](repeating: nil, count: CanonicalField.allCases.count)
        var warnings: [ShopDataWarning] = []
        for source in sources {
            if source.columns.count == 1 {
                let column = source.columns[0]
                var findings = ValueChecks.Findings()
                values[source.ordinal] = ValueChecks.clean(row.values[column], source.valueClass, &findings)
                if !findings.isEmpty { addWarnings(findings, row, column, to: &warnings) }
                continue
            }
            var joined = ""
            for column in source.columns {
                var findings = ValueChecks.Findings()
                let part = ValueChecks.clean(row.values[column], source.valueClass, &findings)
                if !findings.isEmpty { addWarnings(findings, row, column, to: &warnings) }
                guard !part.isEmpty else { continue }
                if !joined.isEmpty { joined += source.separator }
                joined += part
            }
            values[source.ordinal] = joined
        }
        if values[keyOrdinal]?.isEmpty ?? true {
            throw .emptyKey(location(row, keyColumn))
        }
        var unmapped: [MappedRow.UnmappedCell] = []
        if !unmappedColumns.isEmpty {
            unmapped.reserveCapacity(unmappedColumns.count)
            for column in unmappedColumns {
                unmapped.append(
                    MappedRow.UnmappedCell(column: column, key: header.keys[column], value: row.values[column]))
            }
        }
        return MappedRow(file: fileName, row: row, kind: kind, values: values, unmapped: unmapped, warnings: warnings)
    }

    /// Adds a value's warnings, once per column and kind (a column may feed two fields).
    private func addWarnings(
        _ findings: ValueChecks.Findings, _ row: CSVRow, _ column: Int,
        to warnings: inout [ShopDataWarning]
    ) {
        for kind in findings.kinds {
            let warning = ShopDataWarning(kind, at: location(row, column))
            if !warnings.contains(warning) { warnings.append(warning) }
        }
    }

    private func location(_ row: CSVRow, _ column: Int) -> CSVLocation {
        CSVLocation(file: fileName, row: row.record, line: row.line, column: column + 1, header: header.names[column])
    }
}
