/// What a platform's importer accepts in a field, so that masked or rewritten values still import.
public struct AcceptRule: Sendable, Equatable, Hashable {
    /// The characters allowed.
    public enum Charset: String, Sendable, Equatable, Hashable, CaseIterable, Codable {
        /// ASCII digits 0–9 only.
        case digits
        /// Full-width katakana (U+30A1–U+30F6, ヴ ヵ ヶ), the long vowel mark ー, the middle dot ・ and spaces
        /// (U+0020, U+3000) only: EC-CUBE's kana fields.
        case katakana
        /// Printable ASCII (U+0020–U+007E) only.
        case ascii
    }

    /// The allowed characters, or `nil` for any.
    public var charset: Charset?
    /// The largest length in Unicode scalars (what PHP's `mb_strlen` counts), or `nil` for no limit.
    public var maxLength: Int?

    /// Creates a rule.
    /// - Parameters:
    ///   - charset: The allowed characters.
    ///   - maxLength: The largest length in Unicode scalars.
    public init(charset: Charset? = nil, maxLength: Int? = nil) {
        self.charset = charset
        self.maxLength = maxLength
    }

    /// Whether the importer would accept `value`.
    /// - Parameter value: The value.
    public func accepts(_ value: String) -> Bool {
        if let maxLength, value.unicodeScalars.count > maxLength { return false }
        guard let charset else { return true }
        return value.unicodeScalars.allSatisfy { scalar in
            switch charset {
            case .digits: (0x30...0x39).contains(scalar.value)
            case .ascii: (0x20...0x7E).contains(scalar.value)
            case .katakana:
                (0x30A1...0x30F6).contains(scalar.value) || scalar.value == 0x30FC || scalar.value == 0x30FB
                    || scalar.value == 0x20 || scalar.value == 0x3000
            }
        }
    }
}
