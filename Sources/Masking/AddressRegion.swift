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
        var scanner = Scanner(chars: Array(text), index: 0)
        var probe = scanner
        if probe.match(AddressGazetteer.countries) != nil {
            probe.skipSpaces()
            var check = probe
            if check.match(AddressGazetteer.japanPrefectures) != nil
                || check.match(AddressGazetteer.taiwanCounties) != nil
            {
                scanner = probe
            }
        }
        probe = scanner
        if let prefecture = probe.match(AddressGazetteer.japanPrefectures) {
            probe.skipSpaces()
            return prefecture + (japanMunicipality(&probe) ?? "")
        }
        if let county = probe.match(AddressGazetteer.taiwanCounties) {
            probe.skipSpaces()
            let district =
                probe.match(AddressGazetteer.taiwanDistrictExceptions)
                ?? probe.shortest(suffixes: ["鄉", "鎮", "市", "區"], maxName: 4)
            return county + (district ?? "")
        }
        return nil
    }

    /// The Japanese municipality (with its ward in a designated city) at the scanner, or nil.
    private static func japanMunicipality(_ scanner: inout Scanner) -> String? {
        if let city = scanner.match(AddressGazetteer.japanMunicipalityExceptions) { return city }
        if let county = scanner.shortest(suffixes: ["郡"], maxName: 5) {
            scanner.skipSpaces()
            let town =
                scanner.match(AddressGazetteer.japanTownExceptions)
                ?? scanner.shortest(suffixes: ["町", "村"], maxName: 7)
            return county + (town ?? "")
        }
        guard let city = scanner.shortest(suffixes: ["市", "区", "町", "村"], maxName: 7) else { return nil }
        guard AddressGazetteer.japanDesignatedCities.contains(city) else { return city }
        scanner.skipSpaces()
        return city + (scanner.shortest(suffixes: ["区"], maxName: 5) ?? "")
    }

    /// A cursor over the address's characters.
    struct Scanner {
        let chars: [Character]
        var index: Int

        /// Advances over whitespace.
        mutating func skipSpaces() {
            while index < chars.count, TextScan.isSpace(chars[index]) { index += 1 }
        }

        /// Consumes and returns the first name in `names` that starts at the cursor (the list order decides).
        mutating func match(_ names: [String]) -> String? {
            for name in names {
                let nameChars = Array(name)
                let end = index + nameChars.count
                if end <= chars.count, Array(chars[index..<end]) == nameChars {
                    index = end
                    return name
                }
            }
            return nil
        }

        /// Consumes and returns the shortest run of 1…`maxName` letters followed by one of `suffixes`.
        mutating func shortest(suffixes: Set<Character>, maxName: Int) -> String? {
            var end = index
            while end < chars.count, end - index <= maxName, TextScan.isLetter(chars[end]) {
                if end > index, suffixes.contains(chars[end]) {
                    defer { index = end + 1 }
                    return String(chars[index...end])
                }
                end += 1
            }
            return nil
        }
    }
}
