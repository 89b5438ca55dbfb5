import Masking
import Testing

@Suite struct MaskingPolicyTests {
    static let policy = MaskingPolicy.defaultPolicy

    @Test(arguments: [
        ("phone", FieldAcceptance.digitsOnly, "0963200198", MaskOutcome.blankedByAcceptance(.notDigits)),
        ("phone", .any, "0963200198", .masked("0963***198")),
        ("name_kana", .katakanaOnly, "ヤマダ タロウ", .blankedByAcceptance(.notKatakana)),
        ("name", .maxLength(3), "小村 亮子", .blankedByAcceptance(.tooLong)),
        ("name", .asciiOnly, "Taro", .masked("T***")),
        ("email", .digitsOnly, "a@b.jp", .kept("a@b.jp")),
        ("phone", .digitsOnly, "", .masked("")),
        ("unknown_column", .katakanaOnly, "x", .kept("x")),
    ])
    func masksWithAcceptanceFallback(field: String, acceptance: FieldAcceptance, input: String, expected: MaskOutcome) {
        let outcome = Self.policy.mask(input, field: field, kind: .members, acceptance: acceptance)
        #expect(outcome == expected)
        #expect(outcome.isFallback == (expected.value.isEmpty && !input.isEmpty))
    }

    @Test func constantRejectedByAcceptanceIsBlanked() {
        let policy = MaskingPolicy(orders: ["note": .constant("（マスク済み）")])
        #expect(
            policy.mask("call 090", field: "note", kind: .orders, acceptance: .asciiOnly)
                == .blankedByAcceptance(.notASCII))
        #expect(policy.mask("call 090", field: "note", kind: .orders).value == "（マスク済み）")
    }

    @Test func policyTablesAreSeparatePerKind() {
        #expect(Self.policy.mask("0963200198", field: "phone", kind: .orders) == .kept("0963200198"))
        #expect(Self.policy.mask("0963200198", field: "purchaser_phone", kind: .orders) == .masked("0963***198"))
    }

    @Test(arguments: [
        (RecordKind.members, "address", "台北市大安區***", FieldAcceptance.any, true),
        (.members, "address", "台北市大安區忠孝東路四段100號", .any, false),
        (.members, "phone", "0963***198", .any, true),
        (.members, "phone", "090****5678", .any, true),
        (.members, "phone", "0963200198", .any, false),
        (.members, "phone", "", .any, false),
        (.members, "phone", "", .digitsOnly, true),
        (.members, "name", "小***", .any, true),
        (.members, "name", "小村 亮子", .any, false),
        (.members, "postal_code", "160****", .any, true),
        (.members, "postal_code", "160-0023", .any, false),
        (.members, "email", "t***@example.jp", .any, false),
        (.members, "account", "***", .any, false),
        (.orders, "recipient_phone", "+8869***678", .any, true),
        (.orders, "invoice_no", "AB***", .any, true),
        (.orders, "invoice_no", "AB12345678", .any, false),
    ])
    func recognisesMaskedAtSource(
        kind: RecordKind, field: String, value: String, acceptance: FieldAcceptance, expected: Bool
    ) {
        #expect(Self.policy.looksMasked(value, field: field, kind: kind, acceptance: acceptance) == expected)
    }

    @Test func blankAndConstantRecognition() {
        let policy = MaskingPolicy(members: ["gender": .blank, "birthday": .constant("1900-01-01")])
        #expect(policy.looksMasked("", field: "gender", kind: .members))
        #expect(!policy.looksMasked("F", field: "gender", kind: .members))
        #expect(policy.looksMasked("1900-01-01", field: "birthday", kind: .members))
        #expect(!policy.looksMasked("1990-01-02", field: "birthday", kind: .members))
        #expect(!policy.looksMasked("", field: "birthday", kind: .members))
        #expect(policy.looksMasked("", field: "birthday", kind: .members, acceptance: .maxLength(8)))
    }

    /// Masking an exported value again never changes it, for every field of the default policy.
    @Test(arguments: RecordKind.allCases)
    func maskingIsIdempotentOnEveryField(kind: RecordKind) {
        let samples = [
            "小村 亮子", "0963200198", "+81 90-1234-5678", "〒160-0023\n東京都新宿区西新宿2-8-1", "160-0023",
            "taro.yamada@example.jp", "AB12345678", "x", "",
        ]
        for field in kind.canonicalFields {
            for sample in samples {
                let once = Self.policy.mask(sample, field: field, kind: kind).value
                #expect(Self.policy.mask(once, field: field, kind: kind).value == once, "\(field)")
                if Self.policy.rule(for: field, kind: kind) != .keep, !once.isEmpty {
                    #expect(Self.policy.looksMasked(once, field: field, kind: kind), "\(field)")
                }
            }
        }
    }
}
