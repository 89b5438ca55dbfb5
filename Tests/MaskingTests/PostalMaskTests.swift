import Masking
import Testing

@Suite struct PostalMaskTests {
    @Test(arguments: [
        ("160****", true), ("****", true), ("160-****", false), ("16****", false), ("160***", false),
        ("1600023", false),
    ])
    func recognisesExactlyItsOutputShapes(text: String, expected: Bool) {
        #expect(PostalMask().recognizes(text) == expected)
    }

    @Test func keepsConfiguredDigitCount() {
        #expect(PostalMask(keepFirst: 5, maskLength: 2).apply("160-0023") == "16000**")
    }
}
