import Masking
import Testing

@Suite struct AddressMaskTests {
    @Test(arguments: [
        ("台北市大安區***", true), ("東京都新宿区***", true), ("東京都***", true), ("北海道札幌市中央区***", true),
        ("***", true), ("abc***", true), ("台北市大安區忠***", false), ("台北市大安區****", false),
        ("台北市大安區", false), ("abcd***", false), ("〒160-0023 東京都新宿区***", false),
    ])
    func recognisesExactlyItsOutputShapes(text: String, expected: Bool) {
        #expect(AddressMask().recognizes(text) == expected)
    }

    @Test func multiLineRecognition() {
        let rule = MaskRule.address(AddressMask())
        #expect(rule.recognizes("\n東京都新宿区***\n"))
        #expect(rule.apply("\n東京都新宿区***\n") == "東京都新宿区***")
    }

    @Test func customMask() {
        let rule = AddressMask(fallbackKeepFirst: 2, maskCharacter: "＊", maskLength: 1)
        #expect(rule.apply("花蓮縣花蓮市中山路1號") == "花蓮縣花蓮市＊")
        #expect(rule.apply("Main Street 5") == "Ma＊")
    }
}
