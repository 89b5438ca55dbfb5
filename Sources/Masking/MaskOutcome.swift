/// The result of masking one value under a policy, with what happened so the caller can count it.
public enum MaskOutcome: Sendable, Hashable {
    /// The field is kept (no rule, or `keep`): the value is unchanged.
    case kept(String)
    /// The rule's output, accepted by the column.
    case masked(String)
    /// The rule's output broke the column's acceptance, so the value is blank.
    case blankedByAcceptance(FieldAcceptance.Violation)

    /// The value to write into the re-export.
    public var value: String {
        switch self {
        case .kept(let value), .masked(let value): value
        case .blankedByAcceptance: ""
        }
    }

    /// True when the acceptance check replaced the rule's output with a blank.
    public var isFallback: Bool {
        if case .blankedByAcceptance = self { return true }
        return false
    }
}
