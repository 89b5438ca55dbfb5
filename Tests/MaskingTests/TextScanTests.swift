import Testing

@testable import Masking

/// `TextScan.trimmed` skips grapheme breaking when the value's ends settle it; it must trim exactly as the
/// character-by-character rule of `Spec/masking.md` does.
@Suite struct TextScanTests {
    /// The rule itself: drop whole characters whose first scalar is whitespace, from both ends.
    static func reference(_ value: String) -> String {
        var characters = Array(value)
        while let first = characters.first, first.unicodeScalars.first!.properties.isWhitespace { characters.removeFirst() }
        while let last = characters.last, last.unicodeScalars.first!.properties.isWhitespace { characters.removeLast() }
        return String(characters)
    }

    static let pieces = [
        "", " ", "\u{3000}", "\t", "\r\n", "\n", "a", "王", "志偉", "ア", "ー", "が", "か\u{3099}", "\u{301}", " \u{301}",
        "\u{3000}\u{301}", "Ａ", "１", "\u{FEFF}", "\u{0600}", "\u{0600}王", "😀", "👩‍👩‍👧", "葛\u{E0100}", "\u{85}",
        "樓", "\u{2028}", "é", "e\u{301}",
    ]

    @Test func trimsAsTheCharacterRuleDoes() {
        for first in Self.pieces {
            for middle in ["", "x", "台北市", " 中 "] {
                for last in Self.pieces {
                    let value = first + middle + last
                    #expect(String(TextScan.trimmed(value)) == Self.reference(value), "\(value.unicodeScalars.map { String($0.value, radix: 16) })")
                }
            }
        }
    }
}
