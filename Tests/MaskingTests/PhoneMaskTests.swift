import Masking
import Testing

@Suite struct PhoneMaskTests {
    @Test(arguments: [
        ("0963***198", true), ("+0963***198", true), ("***", true), ("+***", true), ("0963****198", false),
        ("096***198", false), ("０９６３***198", false), ("0963200198", false), ("++***", false),
    ])
    func recognisesExactlyItsOutputShapes(text: String, expected: Bool) {
        #expect(PhoneMask().recognizes(text) == expected)
    }

    @Test func fullWidthDigitsBecomeASCII() {
        let output = PhoneMask().apply("０９１２３４５６７８")
        #expect(output == "0912***678")
        #expect(output.unicodeScalars.allSatisfy { $0.isASCII })
    }

    @Test(arguments: [(7, "0901***678"), (11, "0901***678"), (12, "***")])
    func minimumDigitsIsConfigurable(minimum: Int, expected: String) {
        #expect(PhoneMask(minimumDigits: minimum).apply("090-1234-5678") == expected)
    }

    @Test func aHiddenDigitIsAlwaysMasked() {
        // 7 digits with 4 + 3 kept would hide nothing: every digit is masked instead.
        #expect(PhoneMask().apply("1234567") == "***")
        #expect(PhoneMask(minimumDigits: 0).apply("1234567") == "***")
        #expect(PhoneMask(minimumDigits: 0).apply("12345678") == "1234***678")
    }
}
