import GRDB

/// A row of `revisions`: a record's content changed to a version (new, or an older one again) with a bundle.
/// A record's newest revision is its current version; an unchanged re-arrival adds no revision.
struct RevisionRow: Codable, FetchableRecord, MutablePersistableRecord, Equatable {
    static let databaseTableName = "revisions"

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let recordID = Column(CodingKeys.recordID)
    }

    /// Nil until inserted.
    var id: Int64?
    var recordID: Int64
    var versionID: Int64
    var bundleID: Int64

    enum CodingKeys: String, CodingKey {
        case id
        case recordID = "record_id"
        case versionID = "version_id"
        case bundleID = "bundle_id"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
