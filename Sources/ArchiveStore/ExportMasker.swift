import Masking
import ShopData

/// Masks an export's rows with a masking policy, column by column, as the online re-export does
/// (`Spec/export.md`, "Masking").
struct ExportMasker {
    private let policy: MaskingPolicy
    private let kind: Masking.RecordKind
    /// Per column: the policy field whose rule masks it (nil: kept), and what the layout's importer accepts.
    private let rules: [(field: String, acceptance: FieldAcceptance)?]

    /// - Parameters:
    ///   - policy: the policy.
    ///   - layout: the export's columns. A mapped column is masked by the first field it holds whose rule is
    ///     not `keep`; a carried-over column by the rule the policy gives its source column name, if any.
    init(policy: MaskingPolicy, layout: ExportLayout) {
        self.policy = policy
        let kind: Masking.RecordKind = layout.kind == .members ? .members : .orders
        self.kind = kind
        rules = layout.columns.map { column in
            let candidates = column.sourceKey.map { [$0] } ?? column.fields.map(\.rawValue)
            guard let field = candidates.first(where: { policy.rule(for: $0, kind: kind) != .keep }) else { return nil }
            let accept = CanonicalField(rawValue: field).flatMap { column.sourceKey == nil ? layout.layout.accepts[$0] : nil }
            return (field, accept.map(Self.acceptance) ?? .any)
        }
    }

    /// Masks the cells of one row in place; returns how many cells were blanked because the layout's importer
    /// would refuse their mask.
    func mask(_ row: inout [String]) -> Int {
        var blanked = 0
        for (index, rule) in rules.enumerated() {
            guard let rule, index < row.count else { continue }
            let outcome = policy.mask(row[index], field: rule.field, kind: kind, acceptance: rule.acceptance)
            if case .blankedByAcceptance = outcome { blanked += 1 }
            row[index] = outcome.value
        }
        return blanked
    }

    /// The masking module's view of a profile's importer rule.
    static func acceptance(_ rule: AcceptRule) -> FieldAcceptance {
        FieldAcceptance(
            digitsOnly: rule.charset == .digits, katakanaOnly: rule.charset == .katakana,
            asciiOnly: rule.charset == .ascii, maxLength: rule.maxLength)
    }
}
