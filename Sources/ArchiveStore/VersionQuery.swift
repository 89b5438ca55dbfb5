import AirlockFormat
import GRDB

/// Reading revisions back as ``ArchivedVersion`` values: one SQL shape for history, current views and exports.
enum VersionQuery {
    /// Revisions joined with their record, version and bundle; callers add `WHERE` and `ORDER BY`.
    static let select = """
        SELECT rv.id AS revision_id, rv.record_id, r.kind, r.key, v.content_hash, v.fields, v.masked_at_source,
               v.items, v.source, b.chain_id, b.sequence, b.bundle_hash, b.imported_at
        FROM revisions rv
        JOIN records r ON r.id = rv.record_id
        JOIN versions v ON v.id = rv.version_id
        JOIN bundles b ON b.id = rv.bundle_id
        """

    /// Decodes one row of ``select``.
    static func version(_ row: Row) throws -> ArchivedVersion {
        let kind = ShopRecord.Kind(rawValue: row["kind"]) ?? .member
        let content = try VersionContent(
            kind: kind, key: row["key"], fields: row["fields"], maskedAtSource: row["masked_at_source"],
            items: row["items"], source: row["source"])
        let bundle = BundleReference(
            chain: row["chain_id"], sequence: UInt64(row["sequence"] as Int64), bundleHash: row["bundle_hash"],
            importedAt: row["imported_at"])
        return ArchivedVersion(content, contentHash: row["content_hash"], bundle: bundle)
    }

    static let revisionsOfRecord = select + " WHERE rv.record_id = ? ORDER BY rv.id"

    /// Every revision of one record, oldest first.
    static func revisions(recordID: Int64, in db: Database) throws -> [ArchivedVersion] {
        try Row.fetchAll(db.cachedStatement(sql: revisionsOfRecord), arguments: [recordID])
            .map(version)
    }

    /// The current view of one record, or nil when it has no revision.
    static func current(recordID: Int64, in db: Database) throws -> CurrentRecord? {
        let revisions = try revisions(recordID: recordID, in: db)
        return revisions.isEmpty ? nil : CurrentRecord(revisions: revisions)
    }

    /// Streams every revision of every record of `kind`, ordered by key then revision: the caller folds runs of
    /// one key. Memory stays bounded by one record's revisions.
    static func forEachRecordRevisions(
        kind: ShopRecord.Kind, in db: Database, _ body: ([ArchivedVersion]) throws -> Void
    ) throws {
        let cursor = try Row.fetchCursor(
            db, sql: select + " WHERE r.kind = ? ORDER BY r.key, rv.id", arguments: [kind.rawValue])
        var run: [ArchivedVersion] = []
        var runRecord: Int64?
        while let row = try cursor.next() {
            let recordID: Int64 = row["record_id"]
            if recordID != runRecord, !run.isEmpty {
                try body(run)
                run.removeAll(keepingCapacity: true)
            }
            runRecord = recordID
            run.append(try version(row))
        }
        if !run.isEmpty { try body(run) }
    }
}
