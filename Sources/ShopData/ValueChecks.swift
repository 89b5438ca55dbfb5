/// Cleans and checks IDs, phone numbers and postal codes for the damage spreadsheets do to them.
enum ValueChecks {
    /// The warnings found in one value (a bit set, so that checking a value allocates nothing).
    struct Findings: OptionSet {
        let rawValue: UInt8
        static let apostrophePrefix = Findings(rawValue: 1)
        static let scientificNotation = Findings(rawValue: 2)
        static let lostLeadingZero = Findings(rawValue: 4)

        var kinds: [ShopDataWarning.Kind] {
            var kinds: [ShopDataWarning.Kind] = []
            if contains(.apostrophePrefix) { kinds.append(.apostrophePrefix) }
            if contains(.scientificNotation) { kinds.append(.scientificNotation) }
            if contains(.lostLeadingZero) { kinds.append(.lostLeadingZero) }
            return kinds
        }
    }

    /// Cleans `value` for a field of `valueClass`, adding what it finds to `findings`.
    /// - Returns: The value without a spreadsheet's apostrophe prefix; otherwise unchanged.
    static func clean(_ value: String, _ valueClass: CanonicalField.ValueClass, _ findings: inout Findings)
        -> String
    {
        guard valueClass != .other, !value.isEmpty else { return value }
        var text = value
        // Shopify (and Excel users) write `'0912345678` so that spreadsheets keep the leading zero.
        if text.utf8.first == UInt8(ascii: "'"), text.utf8.count > 1,
            text.utf8.dropFirst().allSatisfy(isPhoneLike)
        {
            text = String(text.dropFirst())
            findings.insert(.apostrophePrefix)
        }
        if isScientific(text) {
            findings.insert(.scientificNotation)
        } else if valueClass == .phone, lostLeadingZero(text) {
            findings.insert(.lostLeadingZero)
        }
        return text
    }

    /// Digits and what phone numbers and postal codes are written with: `+ - ( ) space`.
    static func isPhoneLike(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "("),
            UInt8(ascii: ")"), UInt8(ascii: " "):
            true
        default: false
        }
    }

    /// `9.05E+09`, `1E10`, `9.05e9`: a number a spreadsheet turned into scientific notation.
    static func isScientific(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let exponent = bytes.firstIndex(where: { $0 == UInt8(ascii: "E") || $0 == UInt8(ascii: "e") }),
            exponent > 0
        else { return false }
        let mantissa = bytes[..<exponent]
        var power = bytes[(exponent + 1)...]
        if power.first == UInt8(ascii: "+") { power = power.dropFirst() }
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        guard !power.isEmpty, power.allSatisfy(isDigit), isDigit(mantissa[mantissa.startIndex]) else { return false }
        let parts = mantissa.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return parts.count <= 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(isDigit) }
    }

    /// A phone of 8–10 digits only that does not start with 0: Taiwanese and Japanese numbers start with 0
    /// (0912-345-678, 090-1234-5678, 03-1234-5678), so a spreadsheet that read one as a number dropped the zero
    /// (912345678). Numbers with separators or `+` were kept as text and are not flagged.
    static func lostLeadingZero(_ text: String) -> Bool {
        let bytes = text.utf8
        guard (8...10).contains(bytes.count), let first = bytes.first, first != UInt8(ascii: "0") else { return false }
        return bytes.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }
}
