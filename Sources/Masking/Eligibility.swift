/// Whether a record may leave the online shop now.
public enum Eligibility: Sendable, Hashable {
    /// The record may be packed.
    case eligible
    /// The record stays online for now, for this reason.
    case notEligible(IneligibilityReason)
}

/// Why a record is not eligible yet; the packer report counts records by ``code``.
public enum IneligibilityReason: Sendable, Hashable, CustomStringConvertible {
    /// The order's status is not one of the profile's final statuses.
    case notFinalStatus
    /// The order is final but has no completion date.
    case missingCompletionDate
    /// The member has no registration date, and a minimum age is set.
    case missingRegistrationDate
    /// The date the rule needs is present but could not be parsed.
    case unparseableDate
    /// The record is younger than the minimum age; it becomes eligible in `daysLeft` calendar days.
    case tooRecent(daysLeft: Int)

    /// A stable identifier without the day count, for grouping in reports.
    public var code: String {
        switch self {
        case .notFinalStatus: "not-final-status"
        case .missingCompletionDate: "missing-completion-date"
        case .missingRegistrationDate: "missing-registration-date"
        case .unparseableDate: "unparseable-date"
        case .tooRecent: "too-recent"
        }
    }

    /// A sentence for the packer report.
    public var description: String {
        switch self {
        case .notFinalStatus: "the order's status is not final"
        case .missingCompletionDate: "the order has no completion date"
        case .missingRegistrationDate: "the member has no registration date"
        case .unparseableDate: "the date cannot be read in the profile's format"
        case .tooRecent(let days): "too recent: eligible in \(days) day\(days == 1 ? "" : "s")"
        }
    }
}
