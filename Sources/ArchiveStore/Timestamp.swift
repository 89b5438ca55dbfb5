import Foundation

/// RFC 3339 UTC timestamps with seconds (`2026-11-25T09:30:00Z`), as receipts and the audit log write them.
enum Timestamp {
    static func rfc3339(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    /// `YYYY-MM` of a Unix time, in UTC.
    static func month(unixTime: Int64) -> String {
        String(rfc3339(Date(timeIntervalSince1970: TimeInterval(unixTime))).prefix(7))
    }
}
