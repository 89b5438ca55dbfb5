/// One entry of the audit log: what happened, when, and the hash chain that makes editing it detectable.
public struct AuditEntry: Equatable, Sendable, Encodable {
    /// The events the archive records.
    public enum Event: String, Sendable, Codable, CaseIterable {
        case initialized = "init"
        case trustAdded = "trust-add"
        case trustRemoved = "trust-remove"
        case imported = "import"
        case rejected = "reject"
        case rebuilt = "rebuild"
        case exported = "export"
        case consoleUserAdded = "console-user-add"
        case consoleUserRemoved = "console-user-remove"
    }

    /// 1, 2, 3, … without gaps.
    public var seq: Int64
    /// RFC 3339 UTC, seconds.
    public var time: String
    /// The event's name (`import`, `reject`, …); see ``Event``.
    public var event: String
    /// A JSON object of ids, counts and reason codes. Never personal data, never key material.
    public var details: String
    /// Lower-case hex: the previous entry's hash (64 zeros for the first entry).
    public var previousHash: String
    /// Lower-case hex: `BLAKE2b-256` over this entry and the previous hash (``AuditChain``).
    public var entryHash: String

    enum CodingKeys: String, CodingKey {
        case seq, time, event, details
        case previousHash = "prev_hash"
        case entryHash = "entry_hash"
    }

    init(_ row: AuditRow) {
        seq = row.seq
        time = row.time
        event = row.event
        details = row.details
        previousHash = row.prevHash
        entryHash = row.entryHash
    }
}
