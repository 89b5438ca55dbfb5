/// Keeps the first and last few characters of a value and puts a fixed-length mask between them.
///
/// The mask length does not depend on the value, so the output does not reveal how long the value was.
/// Characters are Swift `Character`s (grapheme clusters): `𠮷`, `か゚` (a base plus a combining mark) and emoji
/// each count as one. The value is trimmed of whitespace first; an empty value stays empty.
///
/// When the trimmed value has `keepFirst + keepLast` characters or fewer, at least one character must be hidden:
/// the output keeps the first `min(keepFirst, count - 1)` characters, no last characters, then the mask.
public struct PartialMask: Sendable, Hashable {
    /// Characters kept from the start.
    public let keepFirst: Int
    /// Characters kept from the end.
    public let keepLast: Int
    /// The character repeated to form the mask.
    public let maskCharacter: Character
    /// How many mask characters replace the hidden part, whatever its length.
    public let maskLength: Int

    /// Creates a partial mask.
    /// - Parameters:
    ///   - keepFirst: characters kept from the start (0…64).
    ///   - keepLast: characters kept from the end (0…64).
    ///   - maskCharacter: the mask character (not whitespace, a letter, a digit, `@` or `+`).
    ///   - maskLength: the fixed number of mask characters (1…64).
    public init(keepFirst: Int = 1, keepLast: Int = 0, maskCharacter: Character = "*", maskLength: Int = 3) {
        MaskLimits.check(keep: keepFirst, keepLast, maskLength: maskLength, maskCharacter: maskCharacter)
        self.keepFirst = keepFirst
        self.keepLast = keepLast
        self.maskCharacter = maskCharacter
        self.maskLength = maskLength
    }

    /// The masked value; a value this rule could have produced is returned unchanged (idempotence).
    public func apply(_ value: String) -> String {
        let text = TextScan.trimmed(value)
        if text.isEmpty || recognizes(text) { return String(text) }
        let chars = Array(text)
        let mask = TextScan.mask(maskCharacter, maskLength)
        if chars.count > keepFirst + keepLast {
            return String(chars.prefix(keepFirst)) + mask + String(chars.suffix(keepLast))
        }
        return String(chars.prefix(min(keepFirst, chars.count - 1))) + mask
    }

    /// True when `text` has the exact shape of this rule's output for a non-empty value.
    public func recognizes(_ text: some StringProtocol) -> Bool {
        guard TextScan.contains(text, maskCharacter) else { return false }  // every output has one
        let chars = Array(text)
        let full = keepFirst + maskLength + keepLast
        if chars.count == full, TextScan.isAll(chars[keepFirst..<(keepFirst + maskLength)], maskCharacter) {
            return true
        }
        let kept = chars.count - maskLength
        return (0...keepFirst).contains(kept) && TextScan.isAll(chars[kept...], maskCharacter)
    }
}
