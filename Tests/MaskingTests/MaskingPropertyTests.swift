import Masking
import Testing

/// Properties over generated Taiwanese and Japanese names, phones, addresses, postal codes and emails:
/// the hidden part never appears in the output, the output has the documented shape, masking it again changes
/// nothing, and the output (never the original) is recognised as masked at source.
@Suite struct MaskingPropertyTests {
    static let policy = MaskingPolicy.defaultPolicy
    static let seeds: [UInt64] = [1, 2, 3, 20_240_301]
    static let samples = 250

    static func checkCommon(_ original: String, _ output: String, field: String, kind: RecordKind = .members) {
        #expect(policy.mask(output, field: field, kind: kind).value == output, "idempotence: \(original)")
        #expect(policy.looksMasked(output, field: field, kind: kind), "masked at source: \(output)")
        #expect(!policy.looksMasked(original, field: field, kind: kind), "real value: \(original)")
    }

    @Test(arguments: seeds)
    func names(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let families = ["陳", "林", "黃", "張", "李", "王", "佐藤", "鈴木", "髙橋", "𠮷田", "渡邊", "か\u{309A}とう", "サトウ"]
        let givens = ["志明", "美玲", "淑芬", "家豪", "亮子", "太郎", "さくら", "翔太", "タロウ", "👩‍💻子", "ハ\u{309A}ク"]
        for _ in 0..<Self.samples {
            let family = random.pick(families)
            let given = random.pick(givens)
            let name = family + random.pick(["", " ", "\u{3000}"]) + given
            let output = Self.policy.mask(name, field: "name", kind: .members).value
            #expect(output == String(name.first!) + "***")
            #expect(!output.contains(name) && !output.contains(given))
            Self.checkCommon(name, output, field: "name")
        }
    }

    @Test(arguments: seeds)
    func phones(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        for _ in 0..<Self.samples {
            let national = random.pick(["09", "080", "090", "070", "03", "06"]) + random.digits(8)
            let formatted: String
            switch random.pick([0, 1, 2, 3, 4]) {
            case 0: formatted = national
            case 1:
                formatted = [national.prefix(4), national.dropFirst(4).prefix(3), national.dropFirst(7)].joined(
                    separator: "-")
            case 2: formatted = "+886 " + national.dropFirst()
            case 3: formatted = "+81 " + national.dropFirst().prefix(2) + "-" + national.dropFirst(3)
            default:
                formatted = String(national.unicodeScalars.map { Character(Unicode.Scalar($0.value + 0xFF10 - 0x30)!) })
            }
            let digits = formatted.filter(\.isWholeNumber).map { Character(String($0.wholeNumberValue!)) }
            let kept = (String(digits.prefix(4)), String(digits.suffix(3)))
            let hidden = String(digits.dropFirst(4).dropLast(3))
            let output = Self.policy.mask(formatted, field: "mobile", kind: .members).value
            #expect(output == (formatted.hasPrefix("+") ? "+" : "") + kept.0 + "***" + kept.1)
            #expect(output.filter(\.isWholeNumber).count == 7)
            if !kept.0.contains(hidden), !kept.1.contains(hidden) {
                #expect(!output.contains(hidden), "hidden digits \(hidden) leaked")
            }
            Self.checkCommon(formatted, output, field: "mobile")
        }
    }

    static let regions: [(written: [String], region: String)] = [
        (["台北市", "大安區"], "台北市大安區"), (["臺北市", "信義區"], "臺北市信義區"), (["新北市", "板橋區"], "新北市板橋區"),
        (["花蓮縣", "花蓮市"], "花蓮縣花蓮市"), (["高雄市", "前鎮區"], "高雄市前鎮區"), (["屏東縣", "潮州鎮"], "屏東縣潮州鎮"),
        (["宜蘭縣", "礁溪鄉"], "宜蘭縣礁溪鄉"), (["東京都", "新宿区"], "東京都新宿区"), (["東京都", "町田市"], "東京都町田市"),
        (["北海道", "札幌市", "中央区"], "北海道札幌市中央区"), (["京都府", "京都市", "中京区"], "京都府京都市中京区"),
        (["大阪府", "豊中市"], "大阪府豊中市"), (["長野県", "北佐久郡", "軽井沢町"], "長野県北佐久郡軽井沢町"),
        (["沖縄県", "島尻郡", "久米島町"], "沖縄県島尻郡久米島町"), (["三重県", "四日市市"], "三重県四日市市"),
    ]

    @Test(arguments: seeds)
    func addresses(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let streets = ["忠孝東路四段", "中山路", "民生東路三段", "文化路一段", "西新宿", "梅田", "丸の内", "旧軽井沢", "本町"]
        for _ in 0..<Self.samples {
            let (parts, region) = random.pick(Self.regions)
            let street =
                random.pick(streets) + random.digits(1 + Int(random.next() % 3)) + random.pick(["號", "号", "-1-2"])
            let building = random.pick(["", "\n5樓", "\r\n新宿ビル3F"])
            let postal = random.pick(["", "100 ", "〒160-0023 ", "〒160-0023\n", "10048"])
            let address = postal + parts.joined(separator: random.pick(["", " ", "\n"])) + street + building
            let output = Self.policy.mask(address, field: "address", kind: .members).value
            #expect(output == region + "***", "\(address.debugDescription)")
            #expect(!output.contains(street))
            Self.checkCommon(address, output, field: "address")
        }
    }

    @Test(arguments: seeds)
    func emails(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789._")
        let domains = ["example.jp", "example.com.tw", "mail.example.co.jp", "gmail.com"]
        let rule = MaskRule.email(EmailMask())
        let policy = MaskingPolicy(members: ["email": rule])
        for _ in 0..<Self.samples {
            let local = String((0..<(2 + Int(random.next() % 11))).map { _ in random.pick(alphabet) })
            let domain = random.pick(domains)
            let email = local + "@" + domain
            let output = policy.mask(email, field: "email", kind: .members).value
            #expect(output == String(local.first!) + "***@" + domain)
            #expect(!output.split(separator: "@")[0].contains(local))
            #expect(rule.apply(output) == output)
            #expect(policy.looksMasked(output, field: "email", kind: .members))
        }
    }

    @Test(arguments: seeds)
    func postalCodes(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        for _ in 0..<Self.samples {
            let digits = random.digits(random.pick([5, 6, 7]))
            let written =
                random.pick(["", "〒"]) + (random.coin() ? digits : digits.prefix(3) + "-" + digits.dropFirst(3))
            let output = Self.policy.mask(written, field: "postal_code", kind: .members).value
            #expect(output == digits.prefix(3) + "****")
            #expect(output.filter(\.isWholeNumber).count == 3)
            Self.checkCommon(written, output, field: "postal_code")
        }
    }
}
