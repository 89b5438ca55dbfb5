import GRDB

/// A row of `audit_log`. Its hash chain is checked by a trigger on insert and re-verified by `check`.
struct AuditRow: Codable, FetchableRecord, PersistableRecord, Equatable {
    static let databaseTableName = "audit_log"

    enum Columns {
        static let seq = Column(CodingKeys.seq)
    }

    var seq: Int64
    /// RFC 3339 UTC, seconds.
    var time: String
    var event: String
    /// A JSON object of ids, counts and reason codes: never personal data.
    var details: String
    var prevHash: String
    var entryHash: String

    enum CodingKeys: String, CodingKey {
        case seq, time, event, details
        case prevHash = "prev_hash"
        case entryHash = "entry_hash"
    }
}
