/// Masks a postal code: keeps its first few digits and appends a fixed-length mask (`160-0023` → `160****`).
///
/// A leading `〒` is dropped, full-width digits become ASCII, hyphens and spaces are not kept.
/// A code with no more than `keepFirst` digits, or one that is not postal-code-shaped, becomes the bare mask.
public struct PostalMask: Sendable, Hashable {
    /// Digits kept from the start.
    public let keepFirst: Int
    /// The character repeated to form the mask.
    public let maskCharacter: Character
    /// How many mask characters replace the hidden digits, whatever their number.
    public let maskLength: Int

    /// Creates a postal-code mask.
    /// - Parameters:
    ///   - keepFirst: digits kept from the start (0…64).
    ///   - maskCharacter: the mask character (not whitespace, a letter, a digit, `@` or `+`).
    ///   - maskLength: the fixed number of mask characters (1…64).
    public init(keepFirst: Int = 3, maskCharacter: Character = "*", maskLength: Int = 4) {
        MaskLimits.check(keep: keepFirst, maskLength: maskLength, maskCharacter: maskCharacter)
        self.keepFirst = keepFirst
        self.maskCharacter = maskCharacter
        self.maskLength = maskLength
    }

    /// The masked code; a value this rule could have produced is returned unchanged (idempotence).
    public func apply(_ value: String) -> String {
        let text = TextScan.trimmed(value)
        if text.isEmpty || recognizes(text) { return String(text) }
        let mask = TextScan.mask(maskCharacter, maskLength)
        guard let digits = Self.parse(text), digits.count > keepFirst else { return mask }
        return String(digits.prefix(keepFirst)) + mask
    }

    /// True when `text` is `keepFirst` ASCII digits then the mask, or the mask alone.
    public func recognizes(_ text: some StringProtocol) -> Bool {
        guard TextScan.contains(text, maskCharacter) else { return false }  // every output has one
        if text.count == maskLength, TextScan.isAll(text, maskCharacter) { return true }
        return TextScan.matchesDigitsMaskDigits(
            text, head: keepFirst, mask: maskCharacter, maskLength: maskLength, tail: 0)
    }

    /// The ASCII digits of a postal-code-shaped value, else nil.
    ///
    /// Postal-code-shaped: an optional leading `〒`, then only digits (ASCII or full-width), hyphens and
    /// whitespace, with at least one digit.
    static func parse(_ text: Substring) -> [Character]? {
        let rest = text.first == "〒" ? text.dropFirst() : text
        var digits: [Character] = []
        for character in rest {
            if let digit = TextScan.asciiDigit(character) {
                digits.append(digit)
            } else if !(TextScan.isHyphen(character) || TextScan.isSpace(character)) {
                return nil
            }
        }
        return digits.isEmpty ? nil : digits
    }
}
