import Foundation
import Testing

@testable import ArchiveStore

/// The normaliser's shortcut (text NFKC leaves alone) must agree with Foundation's NFKC everywhere.
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
}
