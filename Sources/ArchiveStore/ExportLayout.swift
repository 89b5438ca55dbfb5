import AirlockFormat
import Foundation
import ShopData

/// The columns of an export, and how each output row's cells are found (`Spec/export.md`, "Layouts").
///
/// Mapped columns come from the layout (the canonical field names, or a profile's headers); after them come
/// the sources' unmapped columns, carried over under their own names; `--history` adds two columns last.
struct ExportLayout {
    /// One output column.
    struct Column {
        /// Unique within the layout: the JSON Lines key.
        var key: String
        /// The CSV header (a profile's repeated name such as EC-CUBE's `送料` appears twice).
        var header: String
        /// Mapped columns: the canonical fields the column holds, first wins.
        var fields: [CanonicalField] = []
        /// One part of a joined field: its position, the number of parts, and the join's separator.
        var part: (index: Int, count: Int, separator: String)?
        /// Carried-over columns: the source column key they hold.
        var sourceKey: String?
        /// `--history` columns.
        var history: HistoryColumn?
    }

    /// The columns `--history` adds, which say which version a row belongs to.
    enum HistoryColumn: String, CaseIterable {
        /// 1 for a record's first revision, 2 for the next, …
        case revision = "airlock_revision"
        /// When the revision's bundle was imported (RFC 3339 UTC).
        case importedAt = "airlock_imported_at"
    }

    let kind: ShopData.RecordKind
    /// The profile layout written (the built-in `airlock` profile's for the canonical layout).
    let layout: ProfileLayout
    private(set) var columns: [Column]
    private var carried: [String: Int] = [:]
    private var keys: Set<String>

    /// The mapped columns of `profile` (nil: the canonical layout, in canonical field order).
    init(kind: ShopData.RecordKind, profile: Profile?) throws(ExportError) {
        self.kind = kind
        guard let profile else {
            // The canonical layout is the built-in `airlock` profile's, whose headers are the field names.
            let airlock = try? ProfileRegistry.builtIn.profile(named: "airlock").layout(for: kind)
            layout = airlock ?? ProfileLayout(detect: [], key: kind.defaultKey, columns: [:])
            columns = kind.fields.map { Column(key: $0.rawValue, header: $0.rawValue, fields: [$0]) }
            keys = Set(columns.map(\.key))
            return
        }
        guard let layout = profile.layout(for: kind) else {
            throw .unusableProfile("profile '\(profile.name)' has no \(kind.rawValue) layout")
        }
        self.layout = layout
        let rank = Dictionary(uniqueKeysWithValues: kind.fields.enumerated().map { ($1, $0) })
        let entries = layout.columns.map { key, fields -> (rank: Int, column: Column) in
            var column = Column(key: key, header: Self.header(of: key, duplicates: layout.duplicateColumns))
            column.fields = fields.sorted { (rank[$0] ?? .max) < (rank[$1] ?? .max) }
            for field in column.fields {
                if let join = layout.joins[field], let index = join.columns.firstIndex(of: key) {
                    column.part = (index, join.columns.count, join.separator)
                    break
                }
            }
            return (column.fields.first.flatMap { rank[$0] } ?? .max, column)
        }
        // A profile's columns have no order of their own: canonical field order, then join order, then name.
        columns = entries.sorted { a, b in
            (a.rank, a.column.part?.index ?? 0, a.column.key) < (b.rank, b.column.part?.index ?? 0, b.column.key)
        }.map(\.column)
        keys = Set(columns.map(\.key))
    }

    /// The header of a column key: `name#n` is written `name` when the profile declares `name` as repeatable,
    /// so reading the file with the profile gives the same keys back.
    static func header(of key: String, duplicates: Set<String>) -> String {
        guard let hash = key.lastIndex(of: "#") else { return key }
        let base = String(key[..<hash])
        let suffix = key[key.index(after: hash)...]
        guard duplicates.contains(base), !suffix.isEmpty, suffix.allSatisfy(\.isASCII), Int(suffix) != nil else {
            return key
        }
        return base
    }

    /// Adds the unmapped columns of a version's source that no earlier version brought (first seen, first).
    mutating func carryUnmappedColumns(of version: ArchivedVersion) throws(ExportError) {
        guard let fields = version.columnFields, fields.count == version.columns.count else { throw .needsRebuild }
        for (index, sourceKey) in version.columns.enumerated() where fields[index] == nil && carried[sourceKey] == nil {
            let key = unique(sourceKey)
            carried[sourceKey] = columns.count
            let header = key == sourceKey ? Self.header(of: key, duplicates: layout.duplicateColumns) : key
            columns.append(Column(key: key, header: header, sourceKey: sourceKey))
        }
    }

    /// Adds the `--history` columns last.
    mutating func addHistoryColumns() {
        for column in HistoryColumn.allCases {
            let key = unique(column.rawValue)
            columns.append(Column(key: key, header: key, history: column))
        }
    }

    private mutating func unique(_ key: String) -> String {
        var key = key
        while keys.contains(key) { key += "#" }
        keys.insert(key)
        return key
    }

    /// The output rows of one entry: one per source row (for orders, one per line item), unmasked.
    func rows(of entry: ExportEntry) -> [[String]] {
        let version = entry.version
        var sourceIndex: [String: Int] = [:]
        for (index, key) in version.columns.enumerated() where sourceIndex[key] == nil { sourceIndex[key] = index }
        let sourceFields = version.columnFields ?? []
        let values = Dictionary(entry.fields.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        return version.rows.enumerated().map { rowIndex, row in
            let item = rowIndex < version.items.count
                ? Dictionary(version.items[rowIndex].map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
                : [:]
            func cell(_ index: Int?) -> String {
                guard let index, index < row.cells.count else { return "" }
                return row.cells[index]
            }
            return columns.map { column -> String in
                if let history = column.history {
                    switch history {
                    case .revision: return entry.revision.map(String.init) ?? ""
                    case .importedAt: return version.bundle.importedAt
                    }
                }
                if let sourceKey = column.sourceKey { return cell(sourceIndex[sourceKey]) }
                // The source's own cell when it has this column for the same field (exact, as exported)...
                if let index = sourceIndex[column.key], index < sourceFields.count, let field = sourceFields[index],
                    column.fields.contains(where: { $0.rawValue == field }),
                    !column.fields.contains(where: { entry.restored.contains($0.rawValue) })
                {
                    return cell(index)
                }
                // ...else the canonical field's value (for the current view, the restored one).
                return derived(column, values: values, item: item, rowIndex: rowIndex)
            }
        }
    }

    /// A mapped column's value from the canonical fields: a joined field is split on its separator when it
    /// has exactly as many parts as the join has columns; otherwise the whole value goes to the first column.
    private func derived(
        _ column: Column, values: [String: String], item: [String: String], rowIndex: Int
    ) -> String {
        for field in column.fields {
            guard let value = field.isLineItemField ? item[field.rawValue] : values[field.rawValue] else { continue }
            if rowIndex > 0, layout.orderLevelFieldsOnFirstRowOnly, !field.isLineItemField, field != layout.key {
                return ""
            }
            guard let part = column.part else { return value }
            if !part.separator.isEmpty {
                let pieces = value.components(separatedBy: part.separator)
                if pieces.count == part.count { return pieces[part.index] }
            }
            return part.index == 0 ? value : ""
        }
        return ""
    }
}
