public import Foundation

/// Parses the timestamps shops write into `Date`s.
public enum ShopTimestamp {
    /// The parts of a timestamp read from text.
    struct Fields {
        var year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, millisecond = 0
        var zoneOffset: Int?
    }

    /// Parses a timestamp with the first format that matches the whole text (surrounding spaces ignored).
    ///
    /// Values without a zone are taken in `timeZone`; a wall time in a daylight-saving gap or overlap gets one
    /// of the two offsets around it (Taipei and Tokyo have had no daylight saving since 1979 and 1951).
    /// - Parameters:
    ///   - text: The text, e.g. `2026/11/01 12:34` or `2024-01-15 10:23:45 +0900`.
    ///   - formats: The formats to try, in order.
    ///   - timeZone: The zone of values that carry none (a profile's `time_zone`).
    /// - Returns: The date, or `nil` when no format matches or the date does not exist (2026-02-30, 25:00).
    public static func parse(
        _ text: String, formats: [TimestampFormat] = TimestampFormat.defaults, timeZone: TimeZone = .current
    ) -> Date? {
        var text = text
        return text.withUTF8 { bytes -> Date? in
            var start = bytes.startIndex
            var end = bytes.endIndex
            while start < end, bytes[start] == Byte.space || bytes[start] == Byte.tab { start += 1 }
            while end > start, bytes[end - 1] == Byte.space || bytes[end - 1] == Byte.tab { end -= 1 }
            let trimmed = UnsafeBufferPointer(rebasing: bytes[start..<end])
            for format in formats {
                if let fields = match(trimmed, format.tokens), let date = date(fields, timeZone: timeZone) {
                    return date
                }
            }
            return nil
        }
    }

    static func match(_ bytes: UnsafeBufferPointer<UInt8>, _ tokens: [TimestampFormat.Token]) -> Fields? {
        var fields = Fields()
        var index = 0
        func digits(min: Int, max: Int) -> Int? {
            var value = 0
            var count = 0
            while count < max, index < bytes.count, bytes[index] &- 0x30 < 10 {
                value = value * 10 + Int(bytes[index] &- 0x30)
                index += 1
                count += 1
            }
            return count >= min ? value : nil
        }
        for token in tokens {
            switch token {
            case .year:
                guard let value = digits(min: 4, max: 4) else { return nil }
                fields.year = value
            case .month(let minimum):
                guard let value = digits(min: minimum, max: 2) else { return nil }
                fields.month = value
            case .day(let minimum):
                guard let value = digits(min: minimum, max: 2) else { return nil }
                fields.day = value
            case .hour(let minimum):
                guard let value = digits(min: minimum, max: 2) else { return nil }
                fields.hour = value
            case .minute:
                guard let value = digits(min: 2, max: 2) else { return nil }
                fields.minute = value
            case .second:
                guard let value = digits(min: 2, max: 2) else { return nil }
                fields.second = value
            case .fraction:
                let start = index
                guard let value = digits(min: 1, max: 9) else { return nil }
                let count = index - start
                fields.millisecond =
                    count >= 3 ? value / Int(pow(10, Double(count - 3))) : value * (count == 1 ? 100 : 10)
            case .zone:
                guard let offset = zone(bytes, &index) else { return nil }
                fields.zoneOffset = offset
            case .literal(let byte):
                guard index < bytes.count, bytes[index] == byte else { return nil }
                index += 1
            }
        }
        return index == bytes.count ? fields : nil
    }

    /// `Z`, `+09:00`, `+0900` or `+09` → seconds east of UTC.
    static func zone(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> Int? {
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: "Z") {
            index += 1
            return 0
        }
        let sign: Int
        switch bytes[index] {
        case UInt8(ascii: "+"): sign = 1
        case UInt8(ascii: "-"): sign = -1
        default: return nil
        }
        index += 1
        func twoDigits() -> Int? {
            guard index + 1 < bytes.count, bytes[index] &- 0x30 < 10, bytes[index + 1] &- 0x30 < 10 else { return nil }
            defer { index += 2 }
            return Int(bytes[index] &- 0x30) * 10 + Int(bytes[index + 1] &- 0x30)
        }
        guard let hours = twoDigits(), hours <= 18 else { return nil }
        if index < bytes.count, bytes[index] == UInt8(ascii: ":") { index += 1 }
        let minutes = index < bytes.count ? (twoDigits() ?? -1) : 0
        guard (0...59).contains(minutes) else { return nil }
        return sign * (hours * 3600 + minutes * 60)
    }

    static func date(_ fields: Fields, timeZone: TimeZone) -> Date? {
        guard (1...12).contains(fields.month), (1...daysIn(fields.month, of: fields.year)).contains(fields.day),
            (0...23).contains(fields.hour), (0...59).contains(fields.minute), (0...59).contains(fields.second)
        else { return nil }
        let days = daysFromCivil(fields.year, fields.month, fields.day)
        let wallClock =
            Double(days * 86_400 + fields.hour * 3_600 + fields.minute * 60 + fields.second)
            + Double(fields.millisecond) / 1_000
        if let offset = fields.zoneOffset { return Date(timeIntervalSince1970: wallClock - Double(offset)) }
        // The offset depends on the instant, which depends on the offset: two rounds settle it (DST included).
        let guess = Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: wallClock)))
        let offset = Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: wallClock - guess)))
        return Date(timeIntervalSince1970: wallClock - offset)
    }

    static func daysIn(_ month: Int, of year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
