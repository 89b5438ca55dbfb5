public import Foundation

/// When records become eligible to leave the online shop.
///
/// Age is counted in calendar days in the shop's time zone: a record dated on day D has age 0 for the rest of
/// day D, age 1 from midnight starting D+1, and so on; it is eligible once its age is at least the minimum.
/// With `orderMinAgeDays` = 10, an order completed at 2024-03-01 23:59 becomes eligible at 2024-03-11 00:00.
public struct EligibilityRules: Sendable, Hashable {
    /// Members registered at least this many calendar days ago are eligible; 0 means every member.
    public var memberMinAgeDays: Int
    /// Final orders completed at least this many calendar days ago are eligible
    /// (default 10: 3 days of shipping plus 7 days of cooling-off).
    public var orderMinAgeDays: Int
    /// The shop's time zone, which decides where calendar days begin.
    public var timeZone: TimeZone

    /// Creates eligibility rules.
    /// - Parameters:
    ///   - memberMinAgeDays: the minimum member age in calendar days (not negative).
    ///   - orderMinAgeDays: the minimum age of a completed order in calendar days (not negative).
    ///   - timeZone: the shop's time zone.
    public init(memberMinAgeDays: Int = 0, orderMinAgeDays: Int = 10, timeZone: TimeZone) {
        precondition(memberMinAgeDays >= 0 && orderMinAgeDays >= 0, "minimum ages must not be negative")
        self.memberMinAgeDays = memberMinAgeDays
        self.orderMinAgeDays = orderMinAgeDays
        self.timeZone = timeZone
    }

    /// Whether a member may be packed: with a minimum age of 0 always (the date is not consulted);
    /// otherwise its registration date must be present, parseable and old enough.
    /// - Parameters:
    ///   - registeredAt: the member's registration timestamp.
    ///   - now: the current instant.
    public func evaluate(memberRegisteredAt registeredAt: RecordDate, now: Date) -> Eligibility {
        if memberMinAgeDays == 0 { return .eligible }
        switch registeredAt {
        case .missing: return .notEligible(.missingRegistrationDate)
        case .unparseable: return .notEligible(.unparseableDate)
        case .date(let date): return age(of: date, now: now, minimum: memberMinAgeDays)
        }
    }

    /// Whether an order may be packed: its status (trimmed of whitespace, compared exactly) must be final,
    /// then its completion date present, parseable and at least `orderMinAgeDays` old. Checked in that order.
    /// - Parameters:
    ///   - status: the order's status cell.
    ///   - finalStatuses: the profile's final statuses (e.g. completed, cancelled, returned).
    ///   - completedAt: the order's completion timestamp.
    ///   - now: the current instant.
    public func evaluate(
        orderStatus status: String, finalStatuses: Set<String>, completedAt: RecordDate, now: Date
    ) -> Eligibility {
        guard finalStatuses.contains(String(TextScan.trimmed(status))) else { return .notEligible(.notFinalStatus) }
        switch completedAt {
        case .missing: return .notEligible(.missingCompletionDate)
        case .unparseable: return .notEligible(.unparseableDate)
        case .date(let date): return age(of: date, now: now, minimum: orderMinAgeDays)
        }
    }

    /// Calendar days from the day of `date` to the day of `now` in the shop's time zone (negative if `date`
    /// is on a later day).
    /// - Parameters:
    ///   - date: the record's instant.
    ///   - now: the current instant.
    public func calendarDays(from date: Date, to now: Date) -> Int {
        localDay(of: now) - localDay(of: date)
    }

    /// The number of the local calendar day of `date` (days since 1970-01-01 on the shop's wall clock).
    /// Differences of these are calendar days, daylight saving or not; counting them by arithmetic instead of
    /// `Calendar.dateComponents` takes a pack's eligibility check from a tenth of its time to almost nothing.
    private func localDay(of date: Date) -> Int {
        let wallClock = date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))
        return Int((wallClock / 86_400).rounded(.down))
    }

    private func age(of date: Date, now: Date, minimum: Int) -> Eligibility {
        let days = calendarDays(from: date, to: now)
        return days >= minimum ? .eligible : .notEligible(.tooRecent(daysLeft: minimum - days))
    }
}
