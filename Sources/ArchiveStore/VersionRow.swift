import GRDB

/// A row of `versions`: one distinct content of a record (``VersionContent``), stored once however often it
/// arrives. `UNIQUE(record_id, content_hash)` is the spec's `UNIQUE(kind, key, content_hash)`.
struct VersionRow: Codable, FetchableRecord, MutablePersistableRecord, Equatable {
    static let databaseTableName = "versions"

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let recordID = Column(CodingKeys.recordID)
        static let contentHash = Column(CodingKeys.contentHash)
    }

    /// Nil until inserted.
    var id: Int64?
    var recordID: Int64
    /// The bundle this content first arrived in.
    var bundleID: Int64
    /// Lower-case hex BLAKE2b-256 of the content (``VersionContent/hash``).
    var contentHash: String
    /// JSON object, field name → value.
    var fields: String
    /// JSON array of field names.
    var maskedAtSource: String
    /// JSON array of objects, one per line item.
    var items: String
    /// JSON object: source file, columns, rows (``SourceRows``).
    var source: String

    enum CodingKeys: String, CodingKey {
        case id, fields, items, source
        case recordID = "record_id"
        case bundleID = "bundle_id"
        case contentHash = "content_hash"
        case maskedAtSource = "masked_at_source"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
