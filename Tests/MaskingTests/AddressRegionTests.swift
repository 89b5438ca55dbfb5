import Testing

@testable import Masking

/// The gazetteer match compares characters through `CharacterKey`'s scalar shortcut; it must answer exactly as
/// `Character`'s canonical equality does, or an address would be masked differently from `Spec/masking.md`.
@Suite struct AddressRegionTests {
    /// The first characters of every gazetteer name, and characters built to tempt a wrong shortcut: a
    /// compatibility ideograph (U+F900 ≡ U+8C48), kana written with a combining mark (か + U+3099 ≡ が), an
    /// ideograph with a variation selector, the ohm sign (≡ Ω), full-width and half-width forms.
    static let characters: [Character] = {
        let lists = [
            AddressGazetteer.countries, AddressGazetteer.japanPrefectures,
            AddressGazetteer.japanMunicipalityExceptions, AddressGazetteer.japanTownExceptions,
            AddressGazetteer.taiwanCounties, AddressGazetteer.taiwanDistrictExceptions,
        ]
        var set = Set(lists.joined().compactMap(\.first).map { String($0) })
        set.formUnion([
            "\u{F900}", "\u{8C48}", "か\u{3099}", "が", "か", "葛\u{E0100}", "葛", "\u{2126}", "Ω", "Ａ", "A", "ｶ", "カ",
            "台", "臺", "\u{2F800}", "\u{4E3D}", "é", "e\u{301}", "\r\n", "\u{3000}", "ヴ", "ウ\u{3099}",
        ])
        return set.sorted().map { Character($0) }
    }()

    @Test func characterKeysAnswerAsCharacterEquality() {
        var wrong: [String] = []
        for a in Self.characters {
            let keyA = AddressRegion.CharacterKey(a)
            for b in Self.characters where keyA.same(a, AddressRegion.CharacterKey(b), b) != (a == b) {
                wrong.append("\(a.unicodeScalars.map(\.value)) vs \(b.unicodeScalars.map(\.value))")
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(10))")
    }

    /// Every scalar of the first two planes, as a character of its own, against a prefecture's and a county's
    /// first character and the characters above that have a scalar key.
    @Test func everyScalarAgreesWithCharacterEquality() {
        let targets = Self.characters.filter { AddressRegion.CharacterKey($0).scalar != nil }
        var wrong: [UInt32] = []
        for value in 0..<0x2_0000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let character = Character(scalar)
            let key = AddressRegion.CharacterKey(character)
            for target in targets
            where key.same(character, AddressRegion.CharacterKey(target), target) != (character == target) {
                wrong.append(scalar.value)
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(10))")
    }

    /// A compatibility ideograph is canonically equivalent to its unified twin (U+F963 ≡ 北), so `Character`
    /// equality — and so the match — takes 北海道 written with it for 北海道.
    @Test func compatibilityIdeographsStillFindTheirRegion() {
        let twins: [(compatibility: Character, unified: String)] = [
            ("\u{F963}", "北海道札幌市中央区北1条"), ("\u{FA1B}", "福岡県福岡市博多区"), ("\u{F940}", "鹿児島県鹿児島市"),
            ("\u{FA19}", "神奈川県横浜市西区"), ("\u{2F993}", "花蓮縣花蓮市中山路"),
        ]
        for (compatibility, unified) in twins {
            let expected = AddressRegion.parse(unified)
            #expect(expected != nil)
            #expect(AddressRegion.parse(String(compatibility) + unified.dropFirst()) == expected, "\(unified)")
        }
    }
}
