public import AirlockFormat
import GRDB

extension Archive {
    /// The current view of one record, or nil when the archive never received it.
    public func currentRecord(kind: ShopRecord.Kind, key: String) throws(ArchiveError) -> CurrentRecord? {
        try DatabaseAccess.wrap {
            try queue.read { db in
                guard let id = try recordID(kind: kind, key: key, in: db) else { return nil }
                return try VersionQuery.current(recordID: id, in: db)
            }
        }
    }

    /// Every revision of one record, oldest first, each with the bundle that brought it. A record that changed
    /// back to an earlier content lists that content again.
    public func history(kind: ShopRecord.Kind, key: String) throws(ArchiveError) -> [ArchivedVersion] {
        try DatabaseAccess.wrap {
            try queue.read { db in
                guard let id = try recordID(kind: kind, key: key, in: db) else { return [] }
                return try VersionQuery.revisions(recordID: id, in: db)
            }
        }
    }

    /// Calls `body` with the current view of every record of `kind`, in key order (byte order of UTF-8), one
    /// at a time: for exports. Runs inside one read transaction, so it sees one consistent archive.
    public func forEachCurrentRecord(
        kind: ShopRecord.Kind, _ body: (CurrentRecord) throws -> Void
    ) throws(ArchiveError) {
        try DatabaseAccess.wrap {
            try queue.read { db in
                try VersionQuery.forEachRecordRevisions(kind: kind, in: db) { try body(CurrentRecord(revisions: $0)) }
            }
        }
    }

    /// Calls `body` with every revision of every record of `kind`: key order, then oldest first.
    public func forEachVersion(kind: ShopRecord.Kind, _ body: (ArchivedVersion) throws -> Void) throws(ArchiveError) {
        try DatabaseAccess.wrap {
            try queue.read { db in
                try VersionQuery.forEachRecordRevisions(kind: kind, in: db) { versions in
                    for version in versions { try body(version) }
                }
            }
        }
    }

    /// How many records of each kind the archive holds.
    public func recordCounts() throws(ArchiveError) -> (members: Int, orders: Int) {
        try DatabaseAccess.wrap {
            try queue.read { db in
                (try RecordRow.filter(RecordRow.Columns.kind == "member").fetchCount(db),
                 try RecordRow.filter(RecordRow.Columns.kind == "order").fetchCount(db))
            }
        }
    }

    func recordID(kind: ShopRecord.Kind, key: String, in db: Database) throws -> Int64? {
        try RecordRow.filter(RecordRow.Columns.kind == kind.rawValue && RecordRow.Columns.key == key).fetchOne(db)?.id
    }
}
