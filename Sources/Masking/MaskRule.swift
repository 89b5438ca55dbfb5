/// What happens to one field's value before it goes into the online re-export.
///
/// Every rule is a pure, deterministic function of the value alone, and idempotent: a value the rule could
/// have produced is returned unchanged.
public enum MaskRule: Sendable, Hashable {
    /// The value is copied unchanged (not even trimmed).
    case keep
    /// The value becomes the empty string.
    case blank
    /// The value becomes this fixed text, whatever it was.
    case constant(String)
    /// The first and last few characters survive around a fixed-length mask.
    case partial(PartialMask)
    /// A phone number keeps its first and last few digits around a fixed-length mask.
    case phone(PhoneMask)
    /// An address keeps its region (prefecture and municipality, county and district).
    case address(AddressMask)
    /// An email address keeps the first character of its local part and its domain.
    case email(EmailMask)
    /// A postal code keeps its first few digits.
    case postal(PostalMask)

    /// The rule's output for `value`.
    public func apply(_ value: String) -> String {
        switch self {
        case .keep: value
        case .blank: ""
        case .constant(let text): text
        case .partial(let rule): rule.apply(value)
        case .phone(let rule): rule.apply(value)
        case .address(let rule): rule.apply(value)
        case .email(let rule): rule.apply(value)
        case .postal(let rule): rule.apply(value)
        }
    }

    /// The mask character of the masking rules (`partial`, `phone`, `address`, `email`, `postal`), else nil.
    public var maskCharacter: Character? {
        switch self {
        case .keep, .blank, .constant: nil
        case .partial(let rule): rule.maskCharacter
        case .phone(let rule): rule.maskCharacter
        case .address(let rule): rule.maskCharacter
        case .email(let rule): rule.maskCharacter
        case .postal(let rule): rule.maskCharacter
        }
    }

    /// True when the rule's output for a non-empty value is exactly `text` (after trimming whitespace):
    /// never for `keep`; the empty string for `blank`; the constant for `constant`; the output shapes of the
    /// masking rules.
    public func recognizes(_ text: String) -> Bool {
        let trimmed = TextScan.trimmed(text)
        switch self {
        case .keep: return false
        case .blank: return trimmed.isEmpty
        case .constant(let constant): return trimmed == TextScan.trimmed(constant)
        case .partial(let rule): return !trimmed.isEmpty && rule.recognizes(trimmed)
        case .phone(let rule): return !trimmed.isEmpty && rule.recognizes(trimmed)
        case .address(let rule): return !trimmed.isEmpty && rule.recognizes(AddressMask.joinLines(text))
        case .email(let rule): return !trimmed.isEmpty && rule.recognizes(trimmed)
        case .postal(let rule): return !trimmed.isEmpty && rule.recognizes(trimmed)
        }
    }
}
