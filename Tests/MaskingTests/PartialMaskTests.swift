import Masking
import Testing

@Suite struct PartialMaskTests {
    @Test(arguments: [
        ("小***", true), ("***", true), ("****", true), ("小村***", false), ("小**", false), ("小***x", false),
        ("", false), ("小村", false),
    ])
    func recognisesExactlyItsOutputShapes(text: String, expected: Bool) {
        #expect(PartialMask().recognizes(text) == expected)
    }

    @Test(arguments: [("山***郎", true), ("山***", true), ("***", true), ("山田***郎", false), ("山**郎", false)])
    func recognisesShapesWithKeptEnd(text: String, expected: Bool) {
        #expect(PartialMask(keepFirst: 1, keepLast: 1).recognizes(text) == expected)
    }

    /// A grapheme of several scalars counts once: the kept first character is the whole cluster.
    @Test func countsGraphemeClustersNotScalars() {
        let value = "\u{304B}\u{309A}\u{304D}"
        #expect(value.unicodeScalars.count == 3)
        #expect(PartialMask().apply(value) == "\u{304B}\u{309A}***")
        #expect(PartialMask().apply("🇯🇵🇹🇼") == "🇯🇵***")
    }

    @Test func outputLengthDoesNotDependOnValueLength() {
        let short = PartialMask().apply("林美")
        let long = PartialMask().apply("林美玲美玲美玲美玲美玲")
        #expect(short.count == long.count)
    }
}
