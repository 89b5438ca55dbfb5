/// What a platform's importer accepts in one column; a masked value it would reject is replaced by a blank.
///
/// Constraints combine: every one that is set must hold. The empty string is always accepted (it is the
/// fallback); whether the importer requires a value is the caller's concern.
public struct FieldAcceptance: Sendable, Hashable {
    /// Only ASCII digits `0`…`9`.
    public var digitsOnly: Bool
    /// Only full-width katakana U+30A1…U+30FA, `・` U+30FB, `ー` U+30FC, `ヽ` `ヾ` U+30FD…U+30FE, the combining
    /// (semi-)voiced marks U+3099…U+309A, and the spaces U+0020 and U+3000 (checked scalar by scalar).
    public var katakanaOnly: Bool
    /// Only ASCII scalars (U+0000…U+007F).
    public var asciiOnly: Bool
    /// At most this many characters (Swift `Character`s), or no limit.
    public var maxLength: Int?

    /// Creates an acceptance from its constraints.
    /// - Parameters:
    ///   - digitsOnly: only ASCII digits.
    ///   - katakanaOnly: only full-width katakana, `ー`, `・` and spaces.
    ///   - asciiOnly: only ASCII.
    ///   - maxLength: the most characters, or nil for no limit (must not be negative).
    public init(digitsOnly: Bool = false, katakanaOnly: Bool = false, asciiOnly: Bool = false, maxLength: Int? = nil) {
        precondition((maxLength ?? 0) >= 0, "maxLength must not be negative")
        self.digitsOnly = digitsOnly
        self.katakanaOnly = katakanaOnly
        self.asciiOnly = asciiOnly
        self.maxLength = maxLength
    }

    /// Accepts every value.
    public static let any = FieldAcceptance()
    /// Accepts ASCII digits only.
    public static let digitsOnly = FieldAcceptance(digitsOnly: true)
    /// Accepts full-width katakana, `ー`, `・` and spaces only.
    public static let katakanaOnly = FieldAcceptance(katakanaOnly: true)
    /// Accepts ASCII only.
    public static let asciiOnly = FieldAcceptance(asciiOnly: true)

    /// Accepts values of at most `count` characters.
    /// - Parameter count: the most characters (not negative).
    public static func maxLength(_ count: Int) -> FieldAcceptance {
        FieldAcceptance(maxLength: count)
    }

    /// True when no constraint is set.
    public var isUnrestricted: Bool {
        self == .any
    }

    /// The acceptance that requires both this one's constraints and `other`'s.
    /// - Parameter other: the constraints to add.
    /// - Returns: every flag set in either, and the smaller length limit.
    public func combined(with other: FieldAcceptance) -> FieldAcceptance {
        let limits = [maxLength, other.maxLength].compactMap(\.self)
        return FieldAcceptance(
            digitsOnly: digitsOnly || other.digitsOnly, katakanaOnly: katakanaOnly || other.katakanaOnly,
            asciiOnly: asciiOnly || other.asciiOnly, maxLength: limits.min())
    }

    /// The first constraint `value` breaks, checked in the order digits, katakana, ASCII, length; nil if accepted.
    /// - Parameter value: a candidate output.
    public func violation(by value: String) -> Violation? {
        if value.isEmpty { return nil }
        let scalars = value.unicodeScalars
        if digitsOnly, !scalars.allSatisfy({ (0x30...0x39).contains($0.value) }) { return .notDigits }
        if katakanaOnly, !scalars.allSatisfy(Self.isKatakanaScalar) { return .notKatakana }
        if asciiOnly, !scalars.allSatisfy(\.isASCII) { return .notASCII }
        if let maxLength, value.count > maxLength { return .tooLong }
        return nil
    }

    /// True when the importer takes `value`.
    /// - Parameter value: a candidate output.
    public func accepts(_ value: String) -> Bool {
        violation(by: value) == nil
    }

    /// A constraint that a value breaks.
    public enum Violation: String, Sendable, Hashable, CaseIterable {
        /// A character other than an ASCII digit, where only digits are accepted.
        case notDigits = "not-digits"
        /// A character other than full-width katakana, `ー`, `・` or a space, where only those are accepted.
        case notKatakana = "not-katakana"
        /// A non-ASCII character where only ASCII is accepted.
        case notASCII = "not-ascii"
        /// More characters than the column takes.
        case tooLong = "too-long"
    }

    private static func isKatakanaScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30A1...0x30FE, 0x3099...0x309A, 0x20, 0x3000: true
        default: false
        }
    }
}
