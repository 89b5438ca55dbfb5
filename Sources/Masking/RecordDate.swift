public import Foundation

/// A timestamp from a record, already parsed by the caller in the shop's time zone, or why there is none.
public enum RecordDate: Sendable, Hashable {
    /// The parsed instant.
    case date(Date)
    /// The cell is empty.
    case missing
    /// The cell has text that is not a timestamp in the profile's format.
    case unparseable

    /// Wraps an optional date: nil means missing.
    /// - Parameter date: the parsed date, or nil for an empty cell.
    public init(_ date: Date?) {
        self = date.map(RecordDate.date) ?? .missing
    }
}
