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

    init(db: Database, bundleID: Int64) throws {
        self.db = db
        self.bundleID = bundleID
        namesAreIndexed = try db.tableExists("names_fts")
        namesBefore = try Int64.fetchOne(db, sql: "SELECT ifnull(max(id), 0) FROM names") ?? 0
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
        // The hot path of an import: cached statements, prepared once per transaction. (GRDB's query interface
        // and record persistence build and prepare their SQL on each call, a third of an import's time.)
        let existing = try DirectStatement.integer(
            db.cachedStatement(sql: "SELECT id FROM records WHERE kind = ? AND key = ?"),
            [.text(record.kind.rawValue), .text(record.key)], in: db)
        let recordID: Int64
        if let existing {
            recordID = existing
            let current = try String.fetchOne(db.cachedStatement(sql: """
                SELECT v.content_hash FROM revisions r JOIN versions v ON v.id = r.version_id
                WHERE r.record_id = ? ORDER BY r.id DESC LIMIT 1
                """), arguments: [recordID])
            if current == hash {
                unchangedRecords += 1
                return
            }
            changedRecords += 1
        } else {
            let row = RecordRow(id: nil, kind: record.kind.rawValue, key: record.key, firstBundleID: bundleID)
            try DirectStatement.run(
                db.cachedStatement(sql: "INSERT INTO records (kind, key, first_bundle_id) VALUES (?, ?, ?)"),
                [.text(row.kind), .text(row.key), .integer(row.firstBundleID)], in: db)
            recordID = db.lastInsertedRowID
            newRecords += 1
        }
        // A record new to the archive has no versions to look through.
        var versionID =
            existing == nil
            ? nil
            : try DirectStatement.integer(
                db.cachedStatement(sql: "SELECT id FROM versions WHERE record_id = ? AND content_hash = ?"),
                [.integer(recordID), .text(hash)], in: db)
        if versionID == nil {
            let columns = record.columns
            try DirectStatement.run(
                db.cachedStatement(sql: """
                    INSERT INTO versions (record_id, bundle_id, content_hash, fields, masked_at_source, items, source)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """),
                [
                    .integer(recordID), .integer(bundleID), .text(hash), .utf8(columns.fields),
                    .utf8(columns.maskedAtSource), .utf8(columns.items), .utf8(columns.source),
                ], in: db)
            versionID = db.lastInsertedRowID
            try addLookups(record.lookups, recordID: recordID)
        }
        let revision = RevisionRow(id: nil, recordID: recordID, versionID: versionID ?? 0, bundleID: bundleID)
        try DirectStatement.run(
            db.cachedStatement(sql: "INSERT INTO revisions (record_id, version_id, bundle_id) VALUES (?, ?, ?)"),
            [.integer(revision.recordID), .integer(revision.versionID), .integer(revision.bundleID)], in: db)
    }

    /// Adds a version's lookup keys with one statement per table: a record has half a dozen keys, and each
    /// statement costs more in setting up than its row costs to insert.
    private func addLookups(_ pairs: [(LookupField, String)], recordID: Int64) throws {
        var keys: [DirectStatement.Value] = []
        var names: [DirectStatement.Value] = []
        for (field, value) in pairs {
            if field == .name {
                names += [.integer(recordID), .text(value)]
            } else {
                keys += [.text(field.rawValue), .text(value), .integer(recordID)]
            }
        }
        if !keys.isEmpty {
            try DirectStatement.run(db.cachedStatement(sql: lookupsInsert.sql(rows: keys.count / 3)), keys, in: db)
        }
        if !names.isEmpty {
            try DirectStatement.run(db.cachedStatement(sql: namesInsert.sql(rows: names.count / 2)), names, in: db)
        }
    }

    private let lookupsInsert = MultiRowInsert(head: "INSERT OR IGNORE INTO lookups (field, value, record_id)", tuple: "(?, ?, ?)")
    private let namesInsert = MultiRowInsert(head: "INSERT OR IGNORE INTO names (record_id, name)", tuple: "(?, ?)")
}

/// The SQL of `INSERT … VALUES` with a given number of placeholder tuples, built once per number.
private final class MultiRowInsert {
    private let head: String
    private let tuple: String
    private var built: [Int: String] = [:]

    init(head: String, tuple: String) {
        self.head = head
        self.tuple = tuple
    }

    func sql(rows: Int) -> String {
        if let sql = built[rows] { return sql }
        let sql = head + " VALUES " + Array(repeating: tuple, count: rows).joined(separator: ", ")
        built[rows] = sql
        return sql
    }
}
