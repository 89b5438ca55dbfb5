/// Masks a phone number by its digits: keeps the first and last few digits around a fixed-length mask.
///
/// The output is compact: an optional leading `+`, ASCII digits and the mask, with no separators
/// (`090-1234-5678` → `0901***678`, `+886 912 345 678` → `+8869***678`). Full-width digits become ASCII.
/// A country code counts as ordinary leading digits. A value that is not phone-shaped becomes the bare mask;
/// a value with fewer than `minimumDigits` digits, or not more than `keepFirst + keepLast`, keeps only the `+`.
public struct PhoneMask: Sendable, Hashable {
    /// Digits kept from the start (a country code counts).
    public let keepFirst: Int
    /// Digits kept from the end.
    public let keepLast: Int
    /// The character repeated to form the mask.
    public let maskCharacter: Character
    /// How many mask characters replace the hidden digits, whatever their number.
    public let maskLength: Int
    /// Fewer digits than this and every digit is hidden.
    public let minimumDigits: Int

    /// Creates a phone mask.
    /// - Parameters:
    ///   - keepFirst: digits kept from the start (0…64).
    ///   - keepLast: digits kept from the end (0…64).
    ///   - maskCharacter: the mask character (not whitespace, a letter, a digit, `@` or `+`).
    ///   - maskLength: the fixed number of mask characters (1…64).
    ///   - minimumDigits: the fewest digits a number needs before any digit is kept (0…64).
    public init(
        keepFirst: Int = 4, keepLast: Int = 3, maskCharacter: Character = "*", maskLength: Int = 3,
        minimumDigits: Int = 7
    ) {
        MaskLimits.check(keep: keepFirst, keepLast, minimumDigits, maskLength: maskLength, maskCharacter: maskCharacter)
        self.keepFirst = keepFirst
        self.keepLast = keepLast
        self.maskCharacter = maskCharacter
        self.maskLength = maskLength
        self.minimumDigits = minimumDigits
    }

    /// The masked number; a value this rule could have produced is returned unchanged (idempotence).
    public func apply(_ value: String) -> String {
        let text = TextScan.trimmed(value)
        if text.isEmpty || recognizes(text) { return String(text) }
        let mask = TextScan.mask(maskCharacter, maskLength)
        guard let (plus, digits) = Self.parse(text) else { return mask }
        let sign = plus ? "+" : ""
        guard digits.count >= minimumDigits, digits.count > keepFirst + keepLast else { return sign + mask }
        return sign + String(digits.prefix(keepFirst)) + mask + String(digits.suffix(keepLast))
    }

    /// True when `text` has the exact shape of this rule's output: `[+]` then digits–mask–digits, or the mask alone.
    public func recognizes(_ text: some StringProtocol) -> Bool {
        guard TextScan.contains(text, maskCharacter) else { return false }  // every output has one
        let body = text.first == "+" ? Substring(text).dropFirst() : Substring(text)
        if body.count == maskLength, TextScan.isAll(body, maskCharacter) { return true }
        return TextScan.matchesDigitsMaskDigits(
            body, head: keepFirst, mask: maskCharacter, maskLength: maskLength, tail: keepLast)
    }

    /// Splits a phone-shaped value into its leading plus and its ASCII digits; nil when it is not phone-shaped.
    ///
    /// Phone-shaped: an optional `+` or `＋` first, then only digits (ASCII or full-width), hyphens
    /// (see `TextScan.isHyphen`), whitespace, `(` `)` `（` `）` `.` `．`, with at least one digit.
    static func parse(_ text: Substring) -> (plus: Bool, digits: [Character])? {
        var rest = text
        var plus = false
        if rest.first == "+" || rest.first == "＋" {
            plus = true
            rest.removeFirst()
        }
        var digits: [Character] = []
        for character in rest {
            if let digit = TextScan.asciiDigit(character) {
                digits.append(digit)
            } else if !(TextScan.isHyphen(character) || TextScan.isSpace(character) || "()（）.．".contains(character)) {
                return nil
            }
        }
        return digits.isEmpty ? nil : (plus, digits)
    }
}
