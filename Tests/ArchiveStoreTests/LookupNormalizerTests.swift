import Foundation
import Testing

@testable import ArchiveStore

/// The normaliser's shortcuts (text NFKC leaves alone, text with nothing to lower-case, characters that cannot be
/// spaces) must agree with Foundation and the standard library everywhere.
@Suite struct LookupNormalizerTests {
    static let samples = [
        "taro@example.jp", "TARO@EXAMPLE.JP", "小村亮子", "コムラ リョウコ", "ｺﾑﾗ", "０９０－１２３４－５６７８",
        "+81 90-1234-5678", "ﾊﾟ", "か\u{3099}", "は\u{309A}", "ゔ", "ヴ", "\u{309B}", "㈱", "①", "ﬁ", "Å", "A\u{30A}",
        "한국", "\u{1100}\u{1161}", "\u{3000}小村\u{3000}", " padded ", "\ttab\n", "丸の内", "㍿", "ＡＢＣ", "",
    ]

    @Test(arguments: samples) func nfkcShortcutAgreesWithFoundation(_ text: String) {
        #expect(LookupNormalizer.nfkc(text) == text.precomposedStringWithCompatibilityMapping)
    }

    @Test(arguments: samples) func trimShortcutAgreesWithFoundation(_ text: String) {
        #expect(LookupNormalizer.trimmed(text) == text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test(arguments: samples) func lowercaseShortcutAgreesWithTheStandardLibrary(_ text: String) {
        #expect(LookupNormalizer.lowercased(text) == text.lowercased())
    }

    /// Every scalar of the Basic Multilingual Plane and the first supplementary one, each alone and between two
    /// ideographs: the shortcuts decide by ranges, so a wrong bound would show here.
    @Test func shortcutsAgreeOnEveryScalarOfTheFirstTwoPlanes() {
        var disagreements: [String] = []
        for value in 0..<0x2_0000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if LookupNormalizer.isSpace(scalar) != CharacterSet.whitespacesAndNewlines.contains(scalar) {
                disagreements.append("space U+\(String(value, radix: 16))")
            }
            for text in [String(scalar), "小\(scalar)村"] where LookupNormalizer.lowercased(text) != text.lowercased() {
                disagreements.append("lower-case U+\(String(value, radix: 16))")
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10))")
    }

    @Test func nameKeysDropSpacesAndFoldCase() {
        #expect(LookupNormalizer.nameKey("小村　亮子") == "小村亮子")
        #expect(LookupNormalizer.nameKey(" Komura\tRyoko\u{2003}") == "komuraryoko")
        #expect(LookupNormalizer.nameKey("ＫＯＭＵＲＡ 亮子") == "komura亮子")
        #expect(LookupNormalizer.nameKey("小村亮子") == "小村亮子")
    }
}
