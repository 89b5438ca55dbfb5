import Foundation
import Masking
import Testing

@Suite struct DefaultPolicyTests {
    static let policy = MaskingPolicy.defaultPolicy

    @Test(arguments: [
        (RecordKind.members, "name", "小村 亮子", "小***"),
        (.members, "name_kana", "コムラ リョウコ", "コ***"),
        (.members, "phone", "0963200198", "0963***198"),
        (.members, "mobile", "090-1234-5678", "0901***678"),
        (.members, "postal_code", "160-0023", "160****"),
        (.members, "address", "東京都新宿区西新宿2-8-1", "東京都新宿区***"),
        (.members, "account", "taro_y", "taro_y"),
        (.members, "email", "taro.yamada@example.jp", "taro.yamada@example.jp"),
        (.members, "birthday", "1990-01-02", "1990-01-02"),
        (.members, "points", "1200", "1200"),
        (.orders, "purchaser_name", "林 美玲", "林***"),
        (.orders, "purchaser_email", "mei@example.tw", "mei@example.tw"),
        (.orders, "purchaser_phone", "0912-345-678", "0912***678"),
        (.orders, "purchaser_address", "台北市大安區忠孝東路四段100號", "台北市大安區***"),
        (.orders, "recipient_name", "陳 志明", "陳***"),
        (.orders, "recipient_phone", "+886 912 345 678", "+8869***678"),
        (.orders, "recipient_postal_code", "10048", "100****"),
        (.orders, "recipient_address", "新北市板橋區文化路一段188巷", "新北市板橋區***"),
        (.orders, "invoice_no", "AB12345678", "AB***"),
        (.orders, "total", "1,980", "1,980"),
        (.orders, "note", "置き配希望", "置き配希望"),
    ])
    func masksField(kind: RecordKind, field: String, input: String, expected: String) {
        #expect(Self.policy.mask(input, field: field, kind: kind).value == expected)
    }

    /// Exactly the personal fields are masked; everything else in the canonical lists is kept.
    @Test(arguments: RecordKind.allCases)
    func masksExactlyThePersonalFields(kind: RecordKind) {
        let masked = Set(kind.canonicalFields.filter { Self.policy.rule(for: $0, kind: kind) != .keep })
        let expected: Set<String> =
            switch kind {
            case .members: ["name", "name_kana", "phone", "mobile", "postal_code", "address"]
            case .orders:
                [
                    "purchaser_name", "purchaser_phone", "purchaser_address", "recipient_name", "recipient_phone",
                    "recipient_postal_code", "recipient_address", "invoice_no",
                ]
            }
        #expect(masked == expected)
        #expect(Set(Self.policy.rules(for: kind).keys).isSubset(of: Set(kind.canonicalFields)))
    }

    @Test func accountAndEmailAreKeptVerbatim() {
        for field in ["account", "email", "member_id"] {
            #expect(Self.policy.mask(" x ", field: field, kind: .members) == .kept(" x "))
        }
    }

    @Test func specShowsTheDefaultPolicyJSON() throws {
        let json = String(decoding: Self.policy.jsonData(), as: UTF8.self)
        #expect(SpecVectors.specText.contains("```json\n" + json + "```"))
    }
}
