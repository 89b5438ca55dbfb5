/// An archived bundle as `log`, `check` and exports see it.
public struct ArchivedBundle: Equatable, Sendable, Encodable {
    public var chain: String
    public var sequence: UInt64
    public var bundleHash: String
    public var previousHash: String
    public var signerKeyID: String
    /// The header's creation time, seconds since 1970.
    public var createdAt: Int64
    public var importedAt: String
    /// The file in `bundles/`.
    public var fileName: String
    public var members: UInt64
    public var orders: UInt64
    public var newRecords: Int64
    public var changedRecords: Int64
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
