import Foundation
import ShopData
import Testing

private let tokyo = TimeZone(identifier: "Asia/Tokyo")!
private let taipei = TimeZone(identifier: "Asia/Taipei")!

/// Seconds since 1970 of a UTC wall time.
private func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0, _ second: Int = 0) -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    return calendar.date(
        from: DateComponents(
            year: year, month: month, day: day, hour: hour, minute: minute,
            second: second))!
}

@Suite struct ShopTimestampTests {
    @Test(arguments: [
        ("2026-11-01 12:34:56", taipei, utc(2026, 11, 1, 4, 34, 56)),
        ("2026/11/01 12:34", tokyo, utc(2026, 11, 1, 3, 34)),
        ("2026/1/5 9:03", tokyo, utc(2026, 1, 5, 0, 3)),
        ("2026-11-01", taipei, utc(2026, 10, 31, 16)),
        ("2024-01-15T10:23:45+09:00", taipei, utc(2024, 1, 15, 1, 23, 45)),
        ("2024-01-15T10:23:45Z", taipei, utc(2024, 1, 15, 10, 23, 45)),
        ("2024-01-15T10:23:45.120+08:00", tokyo, utc(2024, 1, 15, 2, 23, 45).addingTimeInterval(0.12)),
        ("2024-01-15 10:23:45 +0900", taipei, utc(2024, 1, 15, 1, 23, 45)),
        ("  2024-02-29 00:00:00 ", tokyo, utc(2024, 2, 28, 15)),
    ])
    func parsesWhatShopsWrite(text: String, zone: TimeZone, expected: Date) {
        let parsed = ShopTimestamp.parse(text, timeZone: zone)
        #expect(parsed.map { abs($0.timeIntervalSince(expected)) < 0.000_5 } == true)
    }

    @Test(arguments: [
        "", "2026-13-01", "2026-02-29", "2026-11-31 10:00", "2026-11-01 24:00", "2026-11-01 12:60",
        "01/11/2026", "2026-11-01 12:34:56 +2500", "2026-11-01x", "１２３", "9.05E+09",
    ])
    func rejectsWhatIsNoTimestamp(text: String) {
        #expect(ShopTimestamp.parse(text, timeZone: tokyo) == nil)
    }

    @Test func usesOnlyTheGivenFormats() throws {
        let format = try #require(TimestampFormat("dd/MM/yyyy"))
        #expect(ShopTimestamp.parse("01/11/2026", formats: [format], timeZone: tokyo) == utc(2026, 10, 31, 15))
        #expect(ShopTimestamp.parse("2026-11-01", formats: [format], timeZone: tokyo) == nil)
        #expect(TimestampFormat("yy-MM-dd") == nil)
        #expect(TimestampFormat("HH:mm") == nil)
    }

    @Test func followsDaylightSavingTime() {
        let newYork = TimeZone(identifier: "America/New_York")!
        #expect(ShopTimestamp.parse("2026-07-01 12:00", timeZone: newYork) == utc(2026, 7, 1, 16))
        #expect(ShopTimestamp.parse("2026-01-01 12:00", timeZone: newYork) == utc(2026, 1, 1, 17))
    }

    @Test func parsesManyValuesQuickly() {
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            var count = 0
            for index in 0..<100_000
            where ShopTimestamp.parse("2026-11-\(10 + index % 20) 12:34:56", timeZone: tokyo) != nil {
                count += 1
            }
            #expect(count == 100_000)
        }
        // Debug builds are slow; this only guards against a DateFormatter-per-call regression (~100× slower).
        #expect(elapsed < .seconds(10))
    }
}
