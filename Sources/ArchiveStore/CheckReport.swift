/// What `check` found. The archive is sound when ``problems`` is empty; ``notes`` are worth knowing but not
/// wrong (a pending rename after a crash, a signer no longer trusted).
public struct CheckReport: Equatable, Sendable, Encodable {
    /// Each problem in one line: what is wrong and where (file names, sequence numbers, keys — no values).
    public var problems: [String] = []
    /// Things worth knowing that are not wrong.
    public var notes: [String] = []
    /// Bundle rows checked.
    public var bundlesChecked = 0
    /// Audit entries whose hash chain was verified.
    public var auditEntriesChecked = 0
    /// Records rebuilt from the bundles and compared with the index.
    public var recordsCompared = 0

    /// True when nothing is wrong.
    public var isSound: Bool { problems.isEmpty }

    enum CodingKeys: String, CodingKey {
        case problems, notes
        case bundlesChecked = "bundles_checked"
        case auditEntriesChecked = "audit_entries_checked"
        case recordsCompared = "records_compared"
        case isSound = "sound"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(problems, forKey: .problems)
        try container.encode(notes, forKey: .notes)
        try container.encode(bundlesChecked, forKey: .bundlesChecked)
        try container.encode(auditEntriesChecked, forKey: .auditEntriesChecked)
        try container.encode(recordsCompared, forKey: .recordsCompared)
        try container.encode(isSound, forKey: .isSound)
    }
}
