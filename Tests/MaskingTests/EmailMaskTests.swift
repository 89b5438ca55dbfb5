import Masking
import Testing

@Suite struct EmailMaskTests {
    @Test(arguments: [
        ("t***@example.jp", true), ("***@example.jp", true), ("ta***@example.jp", false), ("t**@example.jp", false),
        ("t***", true), ("taro@example.jp", false), ("t***@", false),
    ])
    func recognisesExactlyItsOutputShapes(text: String, expected: Bool) {
        #expect(EmailMask().recognizes(text) == expected)
    }

    @Test func domainIsKeptVerbatim() {
        #expect(EmailMask().apply("x.y@Mail.Example.CO.JP") == "x***@Mail.Example.CO.JP")
    }
}
