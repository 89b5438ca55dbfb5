import Masking
import Testing

@Suite struct FieldAcceptanceTests {
    @Test(arguments: [
        (FieldAcceptance.any, "小村***", FieldAcceptance.Violation?.none),
        (.digitsOnly, "0963200198", nil),
        (.digitsOnly, "0963***198", .notDigits),
        (.digitsOnly, "０９６３", .notDigits),
        (.katakanaOnly, "ヤマダ　タロウ", nil),
        (.katakanaOnly, "ジョン・スミス", nil),
        (.katakanaOnly, "ヤ***", .notKatakana),
        (.katakanaOnly, "ヤ＊＊＊", .notKatakana),
        (.katakanaOnly, "やまだ", .notKatakana),
        (.asciiOnly, "T***", nil),
        (.asciiOnly, "小***", .notASCII),
        (.maxLength(4), "小***", nil),
        (.maxLength(3), "小***", .tooLong),
        (.maxLength(3), "か\u{309A}***", .tooLong),
        (.maxLength(3), "か\u{309A}**", nil),
        (.digitsOnly, "", nil),
        (.katakanaOnly, "", nil),
    ])
    func checksConstraints(acceptance: FieldAcceptance, value: String, expected: FieldAcceptance.Violation?) {
        #expect(acceptance.violation(by: value) == expected)
        #expect(acceptance.accepts(value) == (expected == nil))
    }

    @Test func combinesConstraints() {
        let combined = FieldAcceptance.digitsOnly.combined(with: .maxLength(11)).combined(with: .maxLength(13))
        #expect(combined == FieldAcceptance(digitsOnly: true, maxLength: 11))
        #expect(combined.violation(by: "012345678901") == .tooLong)
        #expect(combined.violation(by: "0123-45") == .notDigits)
        #expect(FieldAcceptance.any.isUnrestricted)
        #expect(!combined.isUnrestricted)
    }
}
