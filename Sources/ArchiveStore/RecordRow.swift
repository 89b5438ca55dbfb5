import GRDB

/// A row of `records`: one member or order, by kind and key, whatever its versions.
struct RecordRow: Codable, FetchableRecord, MutablePersistableRecord, Equatable {
    static let databaseTableName = "records"

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let kind = Column(CodingKeys.kind)
        static let key = Column(CodingKeys.key)
    }

    /// Nil until inserted.
    var id: Int64?
    /// `member` or `order`.
    var kind: String
    /// `member_id` or `order_no`.
    var key: String
    /// The bundle it first arrived in.
    var firstBundleID: Int64

    enum CodingKeys: String, CodingKey {
        case id, kind, key
        case firstBundleID = "first_bundle_id"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
