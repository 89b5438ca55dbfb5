/// Finds the region at the start of an address: Japan's 都道府県 + 市区町村, or Taiwan's 縣市 + 鄉鎮市區.
///
/// The algorithm, on the address's characters (see `Spec/masking.md`, "address"):
/// 1. A country name from the gazetteer, followed (after optional whitespace) by a known prefecture or county,
///    is skipped.
/// 2. Japan: a prefecture from the list; then, after optional whitespace, the municipality:
///    a listed exception; or a county `…郡` then a town `…町`/`…村`; or the shortest `…市`/`…区`/`…町`/`…村`;
///    after a designated city, the shortest `…区` ward.
/// 3. Taiwan: a county or city from the list; then, after optional whitespace, a listed exception or the
///    shortest `…鄉`/`…鎮`/`…市`/`…區`.
/// A "shortest `…X`" segment has 1 to `maxName` letters before the suffix `X`; the scan stops at the first
/// character that is not a letter. Whitespace between parts is dropped from the region.
enum AddressRegion {
    /// The region at the start of `text`, its parts joined without whitespace; nil when no prefecture or county
    /// starts the text.
    static func parse(_ text: some StringProtocol) -> String? {
        var scanner = Scanner(text)
        var probe = scanner
        if probe.match(Names.countries) != nil {
            probe.skipSpaces()
            var check = probe
            if check.match(Names.japanPrefectures) != nil || check.match(Names.taiwanCounties) != nil {
                scanner = probe
            }
        }
        probe = scanner
        if let prefecture = probe.match(Names.japanPrefectures) {
            probe.skipSpaces()
            return prefecture + (japanMunicipality(&probe) ?? "")
        }
        if let county = probe.match(Names.taiwanCounties) {
            probe.skipSpaces()
            let district =
                probe.match(Names.taiwanDistrictExceptions)
                ?? probe.shortest(suffixes: Suffixes.taiwanDistrict, maxName: 4)
            return county + (district ?? "")
        }
        return nil
    }

    /// The Japanese municipality (with its ward in a designated city) at the scanner, or nil.
    private static func japanMunicipality(_ scanner: inout Scanner) -> String? {
        if let city = scanner.match(Names.japanMunicipalityExceptions) { return city }
        if let county = scanner.shortest(suffixes: Suffixes.county, maxName: 5) {
            scanner.skipSpaces()
            let town =
                scanner.match(Names.japanTownExceptions)
                ?? scanner.shortest(suffixes: Suffixes.town, maxName: 7)
            return county + (town ?? "")
        }
        guard let city = scanner.shortest(suffixes: Suffixes.municipality, maxName: 7) else { return nil }
        guard AddressGazetteer.japanDesignatedCities.contains(city) else { return city }
        scanner.skipSpaces()
        return city + (scanner.shortest(suffixes: Suffixes.ward, maxName: 5) ?? "")
    }

    /// A gazetteer list split into characters once: the scanner compares characters, and splitting a name on
    /// every comparison cost more than the rest of the masking together. Each name's first character is also kept
    /// as a ``CharacterKey`` for the quick comparison.
    struct NameList: Sendable {
        let names: [(name: String, characters: [Character], first: CharacterKey)]

        init(_ names: [String]) {
            self.names = names.map { name in
                let characters = Array(name)
                return (name, characters, CharacterKey(characters[0]))
            }
        }
    }

    /// A character reduced, where that is exact, to one scalar for comparison.
    ///
    /// `Character`'s `==` is canonical equivalence: two characters whose stored bytes differ are normalised
    /// before they are compared, and a gazetteer match compares the address's first character with every name in
    /// a list (47 prefectures, 22 counties, the exceptions) — most of them differ. A character that is a single
    /// scalar from printable ASCII, hiragana, katakana or the CJK ideograph blocks is already in NFC, and no
    /// other scalar is canonically equivalent to it (the compatibility ideographs U+F900… are outside these
    /// ranges), so two such characters are equal exactly when their scalars are. Anything else is compared as
    /// a `Character`.
    struct CharacterKey: Equatable, Sendable {
        /// The scalar, or nil when the character must be compared as a `Character`.
        let scalar: Unicode.Scalar?

        init(_ character: Character) {
            let scalars = character.unicodeScalars
            guard let first = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex else {
                scalar = nil
                return
            }
            switch first.value {
            case 0x20...0x7E, 0x3041...0x3096, 0x30A1...0x30FA, 0x30FC, 0x3400...0x4DBF, 0x4E00...0x9FFF:
                scalar = first
            default:
                scalar = nil
            }
        }

        /// Whether `a` (with key `self`) equals `b` (with key `other`), as `a == b` would answer.
        func same(_ a: Character, _ other: CharacterKey, _ b: Character) -> Bool {
            if let scalar, let otherScalar = other.scalar { return scalar == otherScalar }
            return a == b
        }
    }

    /// The gazetteer's lists, split once.
    enum Names {
        static let countries = NameList(AddressGazetteer.countries)
        static let japanPrefectures = NameList(AddressGazetteer.japanPrefectures)
        static let japanMunicipalityExceptions = NameList(AddressGazetteer.japanMunicipalityExceptions)
        static let japanTownExceptions = NameList(AddressGazetteer.japanTownExceptions)
        static let taiwanCounties = NameList(AddressGazetteer.taiwanCounties)
        static let taiwanDistrictExceptions = NameList(AddressGazetteer.taiwanDistrictExceptions)
    }

    /// The suffixes of the "shortest `…X`" scans.
    enum Suffixes {
        static let taiwanDistrict: Set<Character> = ["鄉", "鎮", "市", "區"]
        static let county: Set<Character> = ["郡"]
        static let town: Set<Character> = ["町", "村"]
        static let municipality: Set<Character> = ["市", "区", "町", "村"]
        static let ward: Set<Character> = ["区"]
    }

    /// A cursor over the address's characters. It walks the text itself rather than an array of its characters:
    /// the region is a short prefix, and splitting a whole address into characters was most of the masking time.
    struct Scanner {
        let text: Substring
        var index: String.Index

        init(_ text: some StringProtocol) {
            self.text = Substring(text)
            index = self.text.startIndex
        }

        /// Advances over whitespace.
        mutating func skipSpaces() {
            while index < text.endIndex, TextScan.isSpace(text[index]) { index = text.index(after: index) }
        }

        /// Consumes and returns the first name in `list` that starts at the cursor (the list order decides).
        mutating func match(_ list: NameList) -> String? {
            guard index < text.endIndex else { return nil }
            let first = text[index]
            let key = CharacterKey(first)
            candidates: for (name, characters, nameKey) in list.names where key.same(first, nameKey, characters[0]) {
                var probe = text.index(after: index)
                for expected in characters.dropFirst() {
                    guard probe < text.endIndex, text[probe] == expected else { continue candidates }
                    probe = text.index(after: probe)
                }
                index = probe
                return name
            }
            return nil
        }

        /// Consumes and returns the shortest run of 1…`maxName` letters followed by one of `suffixes`.
        mutating func shortest(suffixes: Set<Character>, maxName: Int) -> String? {
            var end = index
            var count = 0
            while end < text.endIndex, count <= maxName {
                let character = text[end]
                guard TextScan.isLetter(character) else { break }
                if count > 0, suffixes.contains(character) {
                    let after = text.index(after: end)
                    defer { index = after }
                    return String(text[index..<after])
                }
                end = text.index(after: end)
                count += 1
            }
            return nil
        }
    }
}
