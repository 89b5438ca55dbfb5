/// What happened to one bundle given to ``Archive/importBundles(at:identity:receiptsDirectory:)``.
public struct ImportSummary: Equatable, Sendable, Encodable {
    /// How the bundle fitted its chain.
    public enum Status: String, Sendable, Encodable {
        /// Appended to a chain the archive already followed.
        case imported
        /// The first bundle of a chain the archive had not seen.
        case newChain = "new-chain"
        /// The same bundle was archived before: nothing changed, the receipt was written again.
        case alreadyImported = "already-imported"
    }

    /// The bundle file as given.
    public var path: String
    /// How the bundle fitted its chain.
    public var status: Status
    /// Lower-case hex chain id.
    public var chain: String
    /// The bundle's position in its chain.
    public var sequence: UInt64
    /// Lower-case hex bundle hash.
    public var bundleHash: String
    /// Records in the bundle, per kind.
    public var members: UInt64
    /// Orders in the bundle.
    public var orders: UInt64
    /// Records never seen before, records whose content changed, records that arrived unchanged.
    public var newRecords: Int64
    /// Records whose content changed.
    public var changedRecords: Int64
    /// Records that arrived again unchanged.
    public var unchangedRecords: Int64
    /// When the import committed.
    public var importedAt: String
    /// The receipt file written.
    public var receiptPath: String

    enum CodingKeys: String, CodingKey {
        case path, status, chain, sequence, members, orders
        case bundleHash = "bundle_hash"
        case newRecords = "new_records"
        case changedRecords = "changed_records"
        case unchangedRecords = "unchanged_records"
        case importedAt = "imported_at"
        case receiptPath = "receipt"
    }
}

/// One bundle's result: its summary, or why it was rejected.
public struct ImportOutcome: Sendable {
    /// The bundle file as given.
    public var path: String
    /// The summary, or the rejection (already recorded in the audit log).
    public var result: Result<ImportSummary, ArchiveError>
}
