/// Character classes and small text helpers shared by the rules.
///
/// Every predicate looks at Unicode scalar properties directly so that `Spec/masking.md` can state them exactly;
/// a "character" is always a Swift `Character` (an extended grapheme cluster), never a byte or a code unit.
enum TextScan {
    /// True for whitespace and line breaks: the first scalar has the Unicode `White_Space` property
    /// (this includes U+3000 IDEOGRAPHIC SPACE, U+000A, U+000D and "\r\n").
    static func isSpace(_ character: Character) -> Bool {
        character.unicodeScalars.first!.properties.isWhitespace
    }

    /// True for line breaks: the first scalar is one of U+000A…U+000D, U+0085, U+2028, U+2029.
    static func isLineBreak(_ character: Character) -> Bool {
        isLineBreak(character.unicodeScalars.first!)
    }

    /// True for the scalars U+000A…U+000D, U+0085, U+2028, U+2029.
    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    /// True for a name character: the first scalar has the Unicode `Alphabetic` property
    /// (ideographs, kana, 々, ヶ, ー and Latin letters; not digits, spaces or punctuation).
    static func isLetter(_ character: Character) -> Bool {
        character.unicodeScalars.first!.properties.isAlphabetic
    }

    /// The ASCII digit `0`…`9` for an ASCII or full-width (U+FF10…U+FF19) digit made of one scalar, else nil.
    static func asciiDigit(_ character: Character) -> Character? {
        guard character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first else { return nil }
        switch scalar.value {
        case 0x30...0x39: return character
        case 0xFF10...0xFF19: return Character(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!)
        default: return nil
        }
    }

    /// True for the hyphen-like separators accepted inside phone numbers and postal codes:
    /// `-` U+002D, U+2010, U+2011, U+2012, U+2013, U+2212, U+FF0D and the prolonged sound mark ー U+30FC
    /// (Japanese input methods often type it in phone numbers).
    static func isHyphen(_ character: Character) -> Bool {
        guard character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first else { return false }
        switch scalar.value {
        case 0x2D, 0x2010...0x2013, 0x2212, 0xFF0D, 0x30FC: return true
        default: return false
        }
    }

    /// The value without leading and trailing whitespace characters (see ``isSpace(_:)``).
    static func trimmed(_ value: String) -> Substring {
        // Fast path: a first scalar that is not whitespace starts a first character that is not, and a last
        // scalar that always starts a character of its own, other than whitespace, ends a last character that is
        // not whitespace (no ASCII scalar extends a cluster but the LF of CR LF, which is whitespace).
        if let first = value.unicodeScalars.first, let last = value.unicodeScalars.last,
            !first.properties.isWhitespace, startsCluster(last), !last.properties.isWhitespace
        {
            return Substring(value)
        }
        var text = Substring(value)
        while let first = text.first, isSpace(first) { text.removeFirst() }
        while let last = text.last, isSpace(last) { text.removeLast() }
        return text
    }

    /// True for scalars that never join the cluster before them, except after a prepended mark, which is not
    /// whitespace either: ASCII, CJK ideographs, kana letters and the full-width forms (Grapheme_Cluster_Break
    /// Other). The names and addresses of the shops' customers end in one of these.
    private static func startsCluster(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x7F, 0x3041...0x3096, 0x30A1...0x30FA, 0x30FC, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xFF01...0xFF5E:
            true
        default: false
        }
    }

    /// True when `text` has `character` among its characters. A one-scalar ASCII character that is absent from
    /// the UTF-8 bytes is absent from the characters too, which settles most values without grapheme breaking.
    static func contains(_ text: some StringProtocol, _ character: Character) -> Bool {
        if let ascii = character.asciiValue, character.unicodeScalars.count == 1, !text.utf8.contains(ascii) {
            return false
        }
        return text.contains(character)
    }

    /// True when no scalar of `text` is a line break, so that no character is one either (a character is a
    /// line break by its first scalar).
    static func hasNoLineBreak(_ text: some StringProtocol) -> Bool {
        !text.unicodeScalars.contains { isLineBreak($0) }
    }

    /// `count` copies of the mask character.
    static func mask(_ character: Character, _ count: Int) -> String {
        String(repeating: String(character), count: count)
    }

    /// True when every character of `text` is `character`.
    static func isAll<S: Sequence<Character>>(_ text: S, _ character: Character) -> Bool {
        text.allSatisfy { $0 == character }
    }

    /// True when every character of `text` is an ASCII digit.
    static func isASCIIDigits<S: Sequence<Character>>(_ text: S) -> Bool {
        text.allSatisfy { $0.isASCII && $0.isWholeNumber }
    }

    /// True when `text` has exactly `count` ASCII digits then `maskLength` mask characters then `tailCount` ASCII digits.
    static func matchesDigitsMaskDigits(
        _ text: some StringProtocol, head: Int, mask: Character, maskLength: Int, tail: Int
    ) -> Bool {
        let chars = Array(text)
        guard chars.count == head + maskLength + tail else { return false }
        return isASCIIDigits(chars[0..<head])
            && isAll(chars[head..<(head + maskLength)], mask)
            && isASCIIDigits(chars[(head + maskLength)...])
    }

    /// Why a mask character is unusable, or nil when it is fine.
    ///
    /// A mask character must not be whitespace, a letter (`Alphabetic`), a decimal digit (`Nd`), `@` or `+`:
    /// otherwise masked output could not be told apart from real values.
    static func maskCharacterProblem(_ character: Character) -> String? {
        let scalar = character.unicodeScalars.first!
        if scalar.properties.isWhitespace { return "must not be whitespace" }
        if scalar.properties.isAlphabetic { return "must not be a letter" }
        if scalar.properties.generalCategory == .decimalNumber { return "must not be a digit" }
        if character == "@" || character == "+" { return "must not be '@' or '+'" }
        return nil
    }
}
