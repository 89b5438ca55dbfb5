/// Masks a postal address: keeps the region (Japan's 都道府県 + 市区町村, Taiwan's 縣市 + 鄉鎮市區) and
/// replaces the rest with a fixed-length mask (`東京都新宿区西新宿2-8-1` → `東京都新宿区***`).
///
/// Steps: split into lines at line breaks, trim each line, drop empty lines, join with one U+0020 space; drop
/// leading postal codes (an optional `〒`, then a run of digits and hyphens with at least 3 digits); find the
/// region (see `AddressRegion`). With a region the output is the region then the mask; without one, the joined
/// text is masked like ``PartialMask`` keeping `fallbackKeepFirst` characters. Only a postal code: the bare mask.
public struct AddressMask: Sendable, Hashable {
    /// Characters kept from the start when no known region starts the address.
    public let fallbackKeepFirst: Int
    /// The character repeated to form the mask.
    public let maskCharacter: Character
    /// How many mask characters replace everything after the region.
    public let maskLength: Int

    /// Creates an address mask.
    /// - Parameters:
    ///   - fallbackKeepFirst: characters kept when no region is recognised (0…64).
    ///   - maskCharacter: the mask character (not whitespace, a letter, a digit, `@` or `+`).
    ///   - maskLength: the fixed number of mask characters (1…64).
    public init(fallbackKeepFirst: Int = 3, maskCharacter: Character = "*", maskLength: Int = 3) {
        MaskLimits.check(keep: fallbackKeepFirst, maskLength: maskLength, maskCharacter: maskCharacter)
        self.fallbackKeepFirst = fallbackKeepFirst
        self.maskCharacter = maskCharacter
        self.maskLength = maskLength
    }

    /// The rule used when no region is recognised.
    var fallback: PartialMask {
        PartialMask(keepFirst: fallbackKeepFirst, keepLast: 0, maskCharacter: maskCharacter, maskLength: maskLength)
    }

    /// The masked address; a value this rule could have produced is returned unchanged (idempotence).
    public func apply(_ value: String) -> String {
        let joined = Self.joinLines(value)
        if joined.isEmpty || recognizes(joined) { return joined }
        let text = Self.dropPostalCodes(joined)
        let mask = TextScan.mask(maskCharacter, maskLength)
        if text.isEmpty { return mask }
        if let region = AddressRegion.parse(text) { return region + mask }
        return fallback.apply(String(text))
    }

    /// True when `text` is a recognised region (or at most `fallbackKeepFirst` other characters) followed by
    /// exactly the mask, or the mask alone.
    public func recognizes(_ text: some StringProtocol) -> Bool {
        guard TextScan.contains(text, maskCharacter) else { return false }  // every output has one
        let chars = Array(text)
        let kept = chars.count - maskLength
        guard kept >= 0, TextScan.isAll(chars[kept...], maskCharacter) else { return false }
        let region = String(chars[..<kept])
        return kept <= fallbackKeepFirst || AddressRegion.parse(region) == region
    }

    /// The address as one line: lines trimmed, empty lines dropped, joined with a single space.
    static func joinLines(_ value: String) -> String {
        if TextScan.hasNoLineBreak(value) { return String(TextScan.trimmed(value)) }
        return value.split(whereSeparator: TextScan.isLineBreak)
            .map { TextScan.trimmed(String($0)) }
            .filter { !$0.isEmpty }
            .joined(separator: " ")
    }

    /// The text without leading postal codes: each is an optional `〒` then digits and hyphens with at least
    /// three digits, followed by whitespace that is dropped too. A lone `〒` is dropped.
    static func dropPostalCodes(_ text: String) -> Substring {
        var rest = Substring(text)
        while true {
            var probe = rest
            let mark = probe.first == "〒"
            if mark { probe = TextScan.trimmed(String(probe.dropFirst()))[...] }
            let run = probe.prefix { TextScan.asciiDigit($0) != nil || TextScan.isHyphen($0) }
            if run.filter({ TextScan.asciiDigit($0) != nil }).count >= 3 {
                probe = probe.dropFirst(run.count)
            } else if !mark {
                return rest
            }
            rest = Substring(TextScan.trimmed(String(probe)))
        }
    }
}
