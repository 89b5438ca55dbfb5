import Foundation
import Masking
import Testing

@Suite struct EligibilityRulesTests {
    static let tokyo = TimeZone(identifier: "Asia/Tokyo")!
    static let rules = EligibilityRules(timeZone: tokyo)
    static let final: Set<String> = ["完了", "キャンセル"]

    /// An instant given as wall-clock time in a time zone.
    static func date(_ text: String, in zone: TimeZone = tokyo) -> Date {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.date(from: text)!
    }

    @Test(arguments: [
        ("2024-03-01 23:59:00", "2024-03-10 23:59:59", Eligibility.notEligible(.tooRecent(daysLeft: 1))),
        ("2024-03-01 23:59:00", "2024-03-11 00:00:00", .eligible),
        ("2024-03-01 00:00:00", "2024-03-10 23:59:59", .notEligible(.tooRecent(daysLeft: 1))),
        ("2024-03-01 00:00:00", "2024-03-11 00:00:00", .eligible),
        ("2024-03-01 12:00:00", "2024-03-01 12:00:01", .notEligible(.tooRecent(daysLeft: 10))),
        ("2024-03-01 12:00:00", "2024-04-01 12:00:00", .eligible),
        ("2024-03-05 12:00:00", "2024-03-01 12:00:00", .notEligible(.tooRecent(daysLeft: 14))),
    ])
    func orderAgeBoundary(completed: String, now: String, expected: Eligibility) {
        let result = Self.rules.evaluate(
            orderStatus: "完了", finalStatuses: Self.final, completedAt: .date(Self.date(completed)),
            now: Self.date(now))
        #expect(result == expected)
    }

    /// Days begin at midnight in the shop's time zone, not in UTC.
    @Test func daysAreCountedInTheShopTimeZone() {
        let completed = Self.date("2024-03-01 15:30:00", in: TimeZone(identifier: "UTC")!)
        let evaluate = { (now: String) in
            Self.rules.evaluate(
                orderStatus: "完了", finalStatuses: Self.final, completedAt: .date(completed), now: Self.date(now))
        }
        #expect(evaluate("2024-03-11 23:59:59") == .notEligible(.tooRecent(daysLeft: 1)))
        #expect(evaluate("2024-03-12 00:00:00") == .eligible)
    }

    @Test func daylightSavingDayCountsAsOneDay() {
        let newYork = TimeZone(identifier: "America/New_York")!
        let rules = EligibilityRules(orderMinAgeDays: 1, timeZone: newYork)
        // 2024-03-10 has 23 hours in New York.
        let start = Self.date("2024-03-10 00:30:00", in: newYork)
        #expect(rules.calendarDays(from: start, to: Self.date("2024-03-10 23:59:00", in: newYork)) == 0)
        #expect(rules.calendarDays(from: start, to: Self.date("2024-03-11 00:00:00", in: newYork)) == 1)
    }

    @Test(arguments: [
        (" 完了 ", RecordDate.date(Date(timeIntervalSince1970: 0)), Eligibility.eligible),
        ("発送済み", .date(Date(timeIntervalSince1970: 0)), .notEligible(.notFinalStatus)),
        ("発送済み", .missing, .notEligible(.notFinalStatus)),
        ("完了", .missing, .notEligible(.missingCompletionDate)),
        ("キャンセル", .unparseable, .notEligible(.unparseableDate)),
        ("COMPLETED", .missing, .notEligible(.notFinalStatus)),
    ])
    func orderChecksInOrder(status: String, completed: RecordDate, expected: Eligibility) {
        let result = Self.rules.evaluate(
            orderStatus: status, finalStatuses: Self.final, completedAt: completed,
            now: Self.date("2024-03-01 00:00:00"))
        #expect(result == expected)
    }

    @Test(arguments: [
        (0, RecordDate.missing, Eligibility.eligible),
        (0, .unparseable, .eligible),
        (30, .missing, .notEligible(.missingRegistrationDate)),
        (30, .unparseable, .notEligible(.unparseableDate)),
        (30, .date(date("2024-02-01 23:00:00")), .notEligible(.tooRecent(daysLeft: 1))),
        (30, .date(date("2024-01-31 23:00:00")), .eligible),
    ])
    func memberAge(minimum: Int, registered: RecordDate, expected: Eligibility) {
        let rules = EligibilityRules(memberMinAgeDays: minimum, timeZone: Self.tokyo)
        #expect(rules.evaluate(memberRegisteredAt: registered, now: Self.date("2024-03-01 10:00:00")) == expected)
    }

    @Test func defaultsAndCodes() {
        #expect(Self.rules.memberMinAgeDays == 0 && Self.rules.orderMinAgeDays == 10)
        #expect(RecordDate(nil) == .missing)
        #expect(IneligibilityReason.tooRecent(daysLeft: 3).code == "too-recent")
        #expect(IneligibilityReason.tooRecent(daysLeft: 3).description.contains("3 days"))
        #expect(IneligibilityReason.notFinalStatus.code == "not-final-status")
    }
}
