import AirlockFormat
import Foundation
import Masking
import ShopData

/// Turns the mapped rows of one member or one order into a sealed record and decides whether it is eligible
/// (``ReexportMasker`` computes the masked re-export cells). One assembler serves one source file.
struct RecordAssembler {
    let reader: ShopFileReader
    let sourceIndex: UInt16
    let policy: MaskingPolicy
    let rules: EligibilityRules
    let now: Date
    /// Column indexes that are sealed (all but credential columns), in file order.
    let sealedColumns: [Int]
    /// For each column of the file, the canonical fields it feeds.
    private let columnFields: [[CanonicalField]]
    /// The last value checked per field: an order's rows repeat the purchaser's name, phone and address.
    private let memo = Memo()
    /// The layout's completed and cancelled statuses together: every status that ends an order.
    private let finalStatuses: Set<String>

    /// The last masked-at-source verdict per field. A class, so that the assembler's methods stay
    /// non-mutating; one assembler serves one pass on one thread.
    private final class Memo {
        var looksMasked: [String: (value: String, result: Bool)] = [:]
    }

    init(reader: ShopFileReader, sourceIndex: UInt16, policy: MaskingPolicy, rules: EligibilityRules, now: Date) {
        self.reader = reader
        self.sourceIndex = sourceIndex
        self.policy = policy
        self.rules = rules
        self.now = now
        let layout = reader.mapper.layout
        let names = reader.csv.header.names
        let credentials = Set(reader.mapper.credentialColumns)
        sealedColumns = names.indices.filter { !credentials.contains($0) }
        // By header key, as RowMapper maps: EC-CUBE's second `送料` (key `送料#2`) feeds nothing.
        columnFields = reader.csv.header.keys.map { layout.columns[$0] ?? [] }
        finalStatuses = layout.finalStatuses.completed.union(layout.finalStatuses.cancelled)
    }

    /// The manifest's description of the sealed columns: header keys and the canonical field each feeds.
    var manifestColumns: (columns: [String], fields: [String?]) {
        let keys = reader.csv.header.keys
        return (sealedColumns.map { keys[$0] }, sealedColumns.map { columnFields[$0].first?.rawValue })
    }

    // MARK: - Eligibility

    /// Whether the unit may be sealed now, and if not, why (a stable reason code).
    func eligibility(of rows: [MappedRow]) -> Eligibility {
        let first = rows[0]
        switch reader.kind {
        case .members:
            return rules.evaluate(memberRegisteredAt: date(first[.registeredAt]), now: now)
        case .orders:
            let statuses = reader.mapper.layout.finalStatuses
            let status = first[.status] ?? ""
            var completed = date(first[.completedAt])
            // A cancelled order may never have been completed: its order date then starts the wait.
            if case .missing = completed, statuses.cancelled.contains(String(Self.trimmed(status))) {
                completed = date(first[.orderedAt])
            }
            return rules.evaluate(
                orderStatus: status, finalStatuses: finalStatuses, completedAt: completed,
                now: now)
        }
    }

    private func date(_ text: String?) -> RecordDate {
        guard let text, !Self.trimmed(text).isEmpty else { return .missing }
        return reader.profile.parseTimestamp(text).map(RecordDate.date) ?? .unparseable
    }

    /// `text` without leading and trailing scalars of Foundation's `CharacterSet.whitespaces` (general category
    /// Zs, and tab), which trims the same set per scalar but slowly enough to show in a profile.
    private static func trimmed(_ text: String) -> Substring {
        func isBlank(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator
        }
        let scalars = text.unicodeScalars
        guard let start = scalars.firstIndex(where: { !isBlank($0) }) else { return "" }
        let end = scalars.lastIndex(where: { !isBlank($0) })!
        return Substring(scalars[start...end])
    }

    // MARK: - Records

    /// The sealed record of a unit; `maskedAtSource` counts the fields recognised as already masked.
    func record(of rows: [MappedRow]) -> (record: ShopRecord, maskedAtSource: Int) {
        let first = rows[0]
        let kind = reader.kind
        let layout = reader.mapper.layout
        let recordFields = first.fields.filter { !$0.field.isLineItemField }
        let fields = recordFields.map { ShopRecord.Field(name: $0.field.rawValue, value: $0.value) }
        let masked = recordFields.compactMap { entry -> String? in
            if case .keep = policy.rule(for: entry.field.rawValue, kind: kind.maskingKind) { return nil }
            let acceptance = layout.accepts[entry.field]?.fieldAcceptance ?? .any
            guard !entry.value.isEmpty || !acceptance.isUnrestricted else { return nil }
            let name = entry.field.rawValue
            if let last = memo.looksMasked[name], last.value == entry.value { return last.result ? name : nil }
            let result = policy.looksMasked(entry.value, field: name, kind: kind.maskingKind, acceptance: acceptance)
            memo.looksMasked[name] = (entry.value, result)
            return result ? name : nil
        }
        let items: [[ShopRecord.Field]] = kind == .orders
            ? rows.map { row in
                row.fields.filter { $0.field.isLineItemField }.map { ShopRecord.Field(name: $0.field.rawValue, value: $0.value) }
            } : []
        let sourceRows = rows.map { row in
            ShopRecord.SourceRow(row: UInt64(row.row.record), cells: sealedColumns.map { row.row.values[$0] })
        }
        let record = ShopRecord(
            kind: kind.recordKind, source: sourceIndex, key: first[layout.key] ?? "", fields: fields,
            maskedAtSource: masked, items: items, rows: sourceRows)
        return (record, masked.count)
    }
}
