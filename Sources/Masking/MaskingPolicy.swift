/// Which rule masks which field, per record kind; fields without a rule are kept.
///
/// Fields are keyed by canonical field name (or by a platform column name that has no canonical field);
/// the caller maps columns to fields. Names match exactly (case-sensitive).
public struct MaskingPolicy: Sendable, Hashable {
    /// Rules for member fields.
    public var members: [String: MaskRule]
    /// Rules for order fields.
    public var orders: [String: MaskRule]

    /// Creates a policy from its rule tables.
    /// - Parameters:
    ///   - members: rules for member fields; fields not listed are kept.
    ///   - orders: rules for order fields; fields not listed are kept.
    public init(members: [String: MaskRule] = [:], orders: [String: MaskRule] = [:]) {
        self.members = members
        self.orders = orders
    }

    /// The rule table of one kind.
    /// - Parameter kind: members or orders.
    public func rules(for kind: RecordKind) -> [String: MaskRule] {
        switch kind {
        case .members: members
        case .orders: orders
        }
    }

    /// The rule for a field, `keep` when the policy does not list it.
    /// - Parameters:
    ///   - field: a canonical field name or platform column name.
    ///   - kind: members or orders.
    public func rule(for field: String, kind: RecordKind) -> MaskRule {
        rules(for: kind)[field] ?? .keep
    }

    /// Masks one value for the online re-export.
    ///
    /// `keep` returns the value unchanged without checking acceptance (a real value is never blanked).
    /// Any other rule's output that `acceptance` rejects becomes a blank, reported as the fallback.
    /// - Parameters:
    ///   - value: the offline value.
    ///   - field: its canonical field name or platform column name.
    ///   - kind: members or orders.
    ///   - acceptance: what the platform's importer accepts in this column.
    /// - Returns: the value to write and what happened.
    public func mask(
        _ value: String, field: String, kind: RecordKind, acceptance: FieldAcceptance = .any
    ) -> MaskOutcome {
        let rule = rule(for: field, kind: kind)
        if rule == .keep { return .kept(value) }
        let output = rule.apply(value)
        if let violation = acceptance.violation(by: output) { return .blankedByAcceptance(violation) }
        return .masked(output)
    }

    /// True when a value exported by the online shop is (probably) a mask, not a real value: the offline
    /// side then records the field as "masked at source" and keeps its own value.
    ///
    /// Errs on the side of "masked", since the opposite mistake overwrites real data with a mask:
    /// - `keep`: never masked;
    /// - `blank`: the empty (or all-whitespace) value;
    /// - `constant(c)`: the constant, after trimming;
    /// - masking rules: any value containing the rule's mask character (a real phone, postal code, address,
    ///   name or email does not contain `*`), which covers every output of the rule;
    /// - any rule but `keep`: the empty value when `acceptance` has a constraint (the mask may have been
    ///   replaced by a blank).
    /// - Parameters:
    ///   - value: the value from the online export.
    ///   - field: its canonical field name or platform column name.
    ///   - kind: members or orders.
    ///   - acceptance: what the platform's importer accepts in this column.
    public func looksMasked(
        _ value: String, field: String, kind: RecordKind, acceptance: FieldAcceptance = .any
    ) -> Bool {
        let rule = rule(for: field, kind: kind)
        if rule == .keep { return false }
        if TextScan.trimmed(value).isEmpty, !acceptance.isUnrestricted { return true }
        // Every output of a masking rule contains its mask character, so the containment test alone decides
        // for those rules; `recognizes` is needed only for `blank` and `constant`.
        if let mask = rule.maskCharacter { return TextScan.contains(value, mask) }
        return rule.recognizes(value)
    }
}
