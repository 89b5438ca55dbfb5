/// An archived bundle as `log`, `check` and exports see it.
public struct ArchivedBundle: Equatable, Sendable, Encodable {
    /// Lower-case hex chain id.
    public var chain: String
    /// The bundle's position in its chain.
    public var sequence: UInt64
    /// Lower-case hex bundle hash.
    public var bundleHash: String
    /// Lower-case hex hash of the bundle before it (zeros for sequence 1).
    public var previousHash: String
    /// The packer key that signed it.
    public var signerKeyID: String
    /// The header's creation time, seconds since 1970.
    public var createdAt: Int64
    /// When its import committed (RFC 3339 UTC).
    public var importedAt: String
    /// The file in `bundles/`.
    public var fileName: String
    /// Records in the bundle, per kind (its manifest's counts).
    public var members: UInt64
    /// Orders in the bundle.
    public var orders: UInt64
    /// Records the archive had never seen.
    public var newRecords: Int64
    /// Records whose content changed.
    public var changedRecords: Int64
    /// Records that arrived again unchanged.
    public var unchangedRecords: Int64

    init(_ row: BundleRow) {
        chain = row.chainID
        sequence = UInt64(row.sequence)
        bundleHash = row.bundleHash
        previousHash = row.previousHash
        signerKeyID = row.signerKeyID
        createdAt = row.createdAt
        importedAt = row.importedAt
        fileName = row.fileName
        members = UInt64(row.members)
        orders = UInt64(row.orders)
        newRecords = row.newRecords
        changedRecords = row.changedRecords
        unchangedRecords = row.unchangedRecords
    }

    enum CodingKeys: String, CodingKey {
        case chain, sequence, members, orders
        case bundleHash = "bundle_hash"
        case previousHash = "previous_hash"
        case signerKeyID = "signer_key_id"
        case createdAt = "created_at"
        case importedAt = "imported_at"
        case fileName = "file_name"
        case newRecords = "new_records"
        case changedRecords = "changed_records"
        case unchangedRecords = "unchanged_records"
    }
}
