import AirlockFormat
import GRDB

/// Adds one bundle's records to the archive inside the import's transaction: a new version only for content
/// the record never had, a revision whenever the content differs from the current one, and lookup keys.
final class RecordIngester {
    private let db: Database
    private let bundleID: Int64
    private let namesAreIndexed: Bool
    /// The last `names` row before this bundle: the rows after it go into the trigram index in ``finish()``.
    private let namesBefore: Int64
    /// Records the archive had never seen.
    private(set) var newRecords: Int64 = 0
    /// Records whose content changed (to a new version or back to an older one).
    private(set) var changedRecords: Int64 = 0
    /// Records that arrived again with their current content: nothing was added.
    private(set) var unchangedRecords: Int64 = 0
    /// The hot path's statements, prepared once per bundle. (GRDB's query interface and record persistence
    /// build and prepare their SQL on each call, a third of an import's time; even its statement cache hashed the
    /// SQL text on every use, 5 % of the database thread.)
    private let findRecord, findCurrentHash, insertRecord, findVersion, insertVersion, insertRevision, insertName,
        insertLookup: Statement

    init(db: Database, bundleID: Int64) throws {
        self.db = db
        self.bundleID = bundleID
        namesAreIndexed = try db.tableExists("names_fts")
        namesBefore = try Int64.fetchOne(db, sql: "SELECT ifnull(max(id), 0) FROM names") ?? 0
        findRecord = try db.cachedStatement(sql: "SELECT id FROM records WHERE kind = ? AND key = ?")
        findCurrentHash = try db.cachedStatement(sql: """
            SELECT v.content_hash FROM revisions r JOIN versions v ON v.id = r.version_id
            WHERE r.record_id = ? ORDER BY r.id DESC LIMIT 1
            """)
        insertRecord = try db.cachedStatement(sql: "INSERT INTO records (kind, key, first_bundle_id) VALUES (?, ?, ?)")
        findVersion = try db.cachedStatement(sql: "SELECT id FROM versions WHERE record_id = ? AND content_hash = ?")
        insertVersion = try db.cachedStatement(sql: """
            INSERT INTO versions (record_id, bundle_id, content_hash, fields, masked_at_source, items, source)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        insertRevision = try db.cachedStatement(
            sql: "INSERT INTO revisions (record_id, version_id, bundle_id) VALUES (?, ?, ?)")
        insertName = try db.cachedStatement(sql: "INSERT OR IGNORE INTO names (record_id, name) VALUES (?, ?)")
        insertLookup = try db.cachedStatement(
            sql: "INSERT OR IGNORE INTO lookups (field, value, record_id) VALUES (?, ?, ?)")
    }

    /// Adds the bundle's new names to the trigram index in one statement. One FTS5 insert per name paid a
    /// savepoint and a segment write each: a fifth of an import's time.
    func finish() throws {
        guard namesAreIndexed else { return }
        try db.execute(
            sql: "INSERT INTO names_fts (rowid, name) SELECT id, name FROM names WHERE id > ? ORDER BY id",
            arguments: [namesBefore])
    }

    func ingest(_ record: PreparedRecord) throws {
        let hash = record.hash
        let existing = try DirectStatement.integer(
            findRecord, [.text(record.kind.rawValue), .text(record.key)], in: db)
        let recordID: Int64
        if let existing {
            recordID = existing
            if try String.fetchOne(findCurrentHash, arguments: [recordID]) == hash {
                unchangedRecords += 1
                return
            }
            changedRecords += 1
        } else {
            try DirectStatement.run(
                insertRecord, [.text(record.kind.rawValue), .text(record.key), .integer(bundleID)], in: db)
            recordID = db.lastInsertedRowID
            newRecords += 1
        }
        // A record new to the archive has no versions to look through.
        let versionID: Int64
        if existing != nil,
            let known = try DirectStatement.integer(findVersion, [.integer(recordID), .text(hash)], in: db)
        {
            versionID = known
        } else {
            let columns = record.columns
            try DirectStatement.run(
                insertVersion,
                [
                    .integer(recordID), .integer(bundleID), .text(hash), .utf8(columns.fields),
                    .utf8(columns.maskedAtSource), .utf8(columns.items), .utf8(columns.source),
                ], in: db)
            versionID = db.lastInsertedRowID
            try addLookups(record.lookups, recordID: recordID)
        }
        try DirectStatement.run(insertRevision, [.integer(recordID), .integer(versionID), .integer(bundleID)], in: db)
    }

    /// Adds a version's lookup keys, one row per statement. (One statement per table for all of a record's keys
    /// made each a multi-row statement that may abort on a foreign key, which SQLite runs with a statement
    /// journal: a copy of every page it changes, dearer than the per-statement work it saved.)
    private func addLookups(_ pairs: [(LookupField, String)], recordID: Int64) throws {
        for (field, value) in pairs {
            if field == .name {
                try DirectStatement.run(insertName, [.integer(recordID), .text(value)], in: db)
            } else {
                try DirectStatement.run(
                    insertLookup, [.text(field.rawValue), .text(value), .integer(recordID)], in: db)
            }
        }
    }
}
