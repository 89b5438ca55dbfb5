/// A calendar day, `YYYY-MM-DD`, as `export --since/--until` take it and as a record's date field names it.
///
/// Days compare as written: no time zone is applied (`Spec/export.md`, "Filters").
public struct ExportDay: Comparable, Hashable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    /// Parses exactly `YYYY-MM-DD` (a real Gregorian day); nil for anything else.
    public init?(_ text: String) {
        guard text.utf8.count == 10, let parsed = Self.leading(text, separators: [UInt8(ascii: "-")], strict: true)
        else { return nil }
        self = parsed
    }

    init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day a timestamp value names: its leading `yyyy-M-d` or `yyyy/M/d` (one- or two-digit month and day),
    /// as written, without converting time zones. Nil when the value does not start with a date.
    static func named(by value: String) -> ExportDay? {
        leading(value, separators: [UInt8(ascii: "-"), UInt8(ascii: "/")], strict: false)
    }

    private static func leading(_ text: String, separators: Set<UInt8>, strict: Bool) -> ExportDay? {
        var bytes = Array(text.utf8)[...]
        while let first = bytes.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") { bytes = bytes.dropFirst() }
        func number(_ minimum: Int, _ maximum: Int) -> Int? {
            var digits = 0
            var value = 0
            while let byte = bytes.first, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), digits < maximum {
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
                bytes = bytes.dropFirst()
            }
            return digits >= minimum ? value : nil
        }
        guard let year = number(4, 4), let separator = bytes.first, separators.contains(separator) else { return nil }
        bytes = bytes.dropFirst()
        guard let month = number(strict ? 2 : 1, 2), bytes.first == separator else { return nil }
        bytes = bytes.dropFirst()
        guard let day = number(strict ? 2 : 1, 2) else { return nil }
        if let next = bytes.first, next >= UInt8(ascii: "0"), next <= UInt8(ascii: "9") { return nil }
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        return ExportDay(year: year, month: month, day: day)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public static func < (lhs: ExportDay, rhs: ExportDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}
