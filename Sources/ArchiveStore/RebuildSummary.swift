/// What `rebuild` did.
public struct RebuildSummary: Equatable, Sendable, Encodable {
    /// Bundles replayed from `bundles/`.
    public var bundles: Int
    /// Audit entries carried over from the old database (0 when it could not be read).
    public var carriedAuditEntries: Int
    /// Whether the old database could be read (its audit log and import order were kept).
    public var previousDatabaseReadable: Bool
    /// Records in the new index.
    public var members: Int
    /// Orders in the new index.
    public var orders: Int

    enum CodingKeys: String, CodingKey {
        case bundles, members, orders
        case carriedAuditEntries = "carried_audit_entries"
        case previousDatabaseReadable = "previous_database_readable"
    }
}
