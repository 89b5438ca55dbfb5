import GRDB

/// A row of `bundles`: one accepted bundle. Inserted once, in the transaction that imports its records.
struct BundleRow: Codable, FetchableRecord, PersistableRecord, Equatable {
    static let databaseTableName = "bundles"

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let chainID = Column(CodingKeys.chainID)
        static let sequence = Column(CodingKeys.sequence)
        static let bundleHash = Column(CodingKeys.bundleHash)
    }

    var id: Int64
    /// Lower-case hex, 32 digits.
    var chainID: String
    var sequence: Int64
    /// Lower-case hex, 64 digits.
    var bundleHash: String
    var previousHash: String
    var signerKeyID: String
    /// The signer's `airlock-packer-1:` line, so `check` can verify the bundle after the key leaves the trust list.
    var signerKey: String
    /// The header's creation time, seconds since 1970.
    var createdAt: Int64
    /// RFC 3339 UTC, seconds.
    var importedAt: String
    var fileName: String
    var byteCount: Int64
    var members: Int64
    var orders: Int64
    var newRecords: Int64
    var changedRecords: Int64
    var unchangedRecords: Int64
    /// The audit entry of the import; its hash is the receipt's audit head.
    var auditSeq: Int64

    enum CodingKeys: String, CodingKey {
        case id, sequence, members, orders
        case chainID = "chain_id"
        case bundleHash = "bundle_hash"
        case previousHash = "previous_hash"
        case signerKeyID = "signer_key_id"
        case signerKey = "signer_key"
        case createdAt = "created_at"
        case importedAt = "imported_at"
        case fileName = "file_name"
        case byteCount = "byte_count"
        case newRecords = "new_records"
        case changedRecords = "changed_records"
        case unchangedRecords = "unchanged_records"
        case auditSeq = "audit_seq"
    }
}
