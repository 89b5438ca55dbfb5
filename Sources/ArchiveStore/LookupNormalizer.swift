import Foundation

/// The normalisations behind the lookup indexes; the same function runs at import and at query time.
enum LookupNormalizer {
    /// NFKC (full-width → ASCII), trimmed, lower-cased: e-mail addresses and account names.
    static func folded(_ value: String) -> String {
        lowercased(trimmed(nfkc(value)))
    }

    /// NFKC, lower-cased, with every space removed: `小村 亮子`, `小村　亮子` and `小村亮子` share one key, and a
    /// search for any substring of it (`村亮`) finds it.
    static func nameKey(_ value: String) -> String {
        let folded = lowercased(nfkc(value))
        guard folded.unicodeScalars.contains(where: isSpace) else { return folded }
        var kept = String.UnicodeScalarView()
        for scalar in folded.unicodeScalars where !isSpace(scalar) { kept.append(scalar) }
        return String(kept)
    }

    /// Scalars that have no lower-case mapping and are not white space whatever surrounds them: printable ASCII
    /// other than `A`–`Z`, hiragana, katakana, CJK ideographs and Hangul syllables — most of a Taiwanese or
    /// Japanese shop's names (U+3041…U+9FFF and U+AC00…U+D7A3 hold no cased letter and no space character).
    private static func isCaselessNonSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x21...0x40, 0x5B...0x7E, 0x3041...0x9FFF, 0xAC00...0xD7A3: true
        default: false
        }
    }

    /// `value.lowercased()`, without Unicode's case-mapping tables when no scalar of `value` could change.
    static func lowercased(_ value: String) -> String {
        value.unicodeScalars.allSatisfy(isCaselessNonSpace) ? value : value.lowercased()
    }

    /// Whether `scalar` is in `CharacterSet.whitespacesAndNewlines`, asking Foundation only outside the common
    /// scripts.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        isCaselessNonSpace(scalar) ? false : CharacterSet.whitespacesAndNewlines.contains(scalar)
    }

    /// The national significant number of a phone number: digits only (full-width digits folded, separators
    /// dropped), without a `+CC` country code, a `(0)` or leading trunk `0`. `+81 90-1234-5678` and
    /// `090-1234-5678` both give `9012345678`; `+886 912 345 678` and `0912-345-678` give `912345678`.
    /// Nil when fewer than 6 digits remain or the value holds letters (a mask, an extension, a URL).
    static func phoneKey(_ value: String) -> String? {
        let text = trimmed(nfkc(value))
        var digits: [UInt8] = []
        var international = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "0"..."9": digits.append(UInt8(scalar.value - 48))
            case "+" where digits.isEmpty && !international: international = true
            case " ", "-", ".", "(", ")", "/", "\u{30FC}", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}",
                "\u{2014}", "\u{2212}", "\u{FF70}":
                continue
            default: return nil
            }
        }
        if international {
            digits.removeFirst(min(digits.count, countryCodeLength(digits)))
        }
        while digits.first == 0 { digits.removeFirst() }
        guard digits.count >= 6 else { return nil }
        return String(decoding: digits.map { $0 + 48 }, as: UTF8.self)
    }

    /// NFKC of `value`. Text made only of scalars that NFKC leaves alone whatever surrounds them (printable
    /// ASCII, hiragana, katakana, CJK ideographs, Hangul syllables: no decomposition, no combining class, not
    /// composable with a predecessor) is returned as it is; Foundation's normalisation, a third of an import's
    /// time when run on every value, is left for the rest.
    static func nfkc(_ value: String) -> String {
        let stable = value.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0x20...0x7E, 0x3041...0x3096, 0x30A1...0x30FA, 0x30FC, 0x3400...0x4DBF, 0x4E00...0x9FFF,
                0xAC00...0xD7A3:
                true
            default: false
            }
        }
        return stable ? value : value.precomposedStringWithCompatibilityMapping
    }

    /// `value` without leading and trailing `CharacterSet.whitespacesAndNewlines`, skipping Foundation when the
    /// first and last scalars are plain ASCII that is not whitespace.
    static func trimmed(_ value: String) -> String {
        guard let first = value.unicodeScalars.first, let last = value.unicodeScalars.last else { return value }
        func plain(_ scalar: Unicode.Scalar) -> Bool { scalar.value > 0x20 && scalar.value < 0x7F }
        if plain(first) && plain(last) { return value }
        return value.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The length of the E.164 country code at the start of `digits` (ITU-T E.164 assignments: 1 and 7 are
    /// one digit; the two-digit codes below; every other code has three digits).
    static func countryCodeLength(_ digits: [UInt8]) -> Int {
        guard let first = digits.first else { return 0 }
        if first == 1 || first == 7 { return 1 }
        guard digits.count >= 2 else { return 1 }
        let two = Int(first) * 10 + Int(digits[1])
        let twoDigitCodes: Set<Int> = [
            20, 27, 30, 31, 32, 33, 34, 36, 39, 40, 41, 43, 44, 45, 46, 47, 48, 49, 51, 52, 53, 54, 55, 56, 57, 58,
            60, 61, 62, 63, 64, 65, 66, 81, 82, 84, 86, 90, 91, 92, 93, 94, 95, 98,
        ]
        return twoDigitCodes.contains(two) ? 2 : 3
    }
}
