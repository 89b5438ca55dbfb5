import Masking
import ShopData

/// Computes the masked re-export cells of one source file's rows: unmasked cells exactly as they were stored,
/// masked cells as new values. Separate from ``RecordAssembler`` because it runs on the other thread of a pack.
final class ReexportMasker {
    private let policy: MaskingPolicy
    private let kind: Masking.RecordKind
    /// For each column, the masking rule's field (the first fed field whose rule is not keep), if any.
    private let maskField: [CanonicalField?]
    /// For each column with a rule, what the platform's importer accepts there.
    private let acceptance: [FieldAcceptance]
    /// The last value masked per column: an order's rows repeat the purchaser's name, phone and address, and
    /// masking is the costliest step of a pack.
    private var last: [(value: String, outcome: MaskOutcome)?]

    init(reader: ShopFileReader, policy: MaskingPolicy) {
        self.policy = policy
        let kind = reader.kind.maskingKind
        self.kind = kind
        let layout = reader.mapper.layout
        // By header key, as RowMapper maps: EC-CUBE's second `送料` (key `送料#2`) feeds nothing.
        maskField = reader.csv.header.keys.map { key in
            (layout.columns[key] ?? []).first { field in
                if case .keep = policy.rule(for: field.rawValue, kind: kind) { return false }
                return true
            }
        }
        acceptance = maskField.map { field in field.flatMap { layout.accepts[$0]?.fieldAcceptance } ?? .any }
        last = Array(repeating: nil, count: maskField.count)
    }

    /// The cells of `row` in the masked re-export, with the number of masked cells and of cells blanked because
    /// the platform would refuse their mask.
    func maskedCells(of row: CSVRow) -> (cells: [CSVCell], masked: Int, blanked: Int) {
        var cells: [CSVCell] = []
        cells.reserveCapacity(row.count)
        var masked = 0
        var blanked = 0
        for column in 0..<row.count {
            guard let field = maskField[column] else {
                cells.append(.raw(row.rawField(column)))
                continue
            }
            let value = row.values[column]
            let outcome: MaskOutcome
            if let last = last[column], last.value == value {
                outcome = last.outcome
            } else {
                outcome = policy.mask(value, field: field.rawValue, kind: kind, acceptance: acceptance[column])
                last[column] = (value, outcome)
            }
            switch outcome {
            case .kept:
                cells.append(.raw(row.rawField(column)))
            case let .masked(value):
                masked += 1
                cells.append(.value(value))
            case .blankedByAcceptance:
                blanked += 1
                cells.append(.value(""))
            }
        }
        return (cells, masked, blanked)
    }
}
