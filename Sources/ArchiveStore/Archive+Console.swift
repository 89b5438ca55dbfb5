public import AirlockFormat
public import Foundation
import GRDB

/// Read-only queries for the back-office console (`airlock-unpack serve`): filtered, paged lists, a member's
/// orders, and what arrived in a period. Nothing here writes.
extension Archive {
    /// One page of the current records that match `filter`, newest first by ``RecordFilter/dateField`` (then by
    /// key, descending), with the number of matches in all.
    ///
    /// - Parameters:
    ///   - offset: how many matching records to skip.
    ///   - limit: the most records returned.
    public func records(matching filter: RecordFilter, offset: Int, limit: Int) throws(ArchiveError) -> RecordPage {
        try DatabaseAccess.wrap {
            try queue.read { db in
                let query = try ConsoleQuery(filter, in: db)
                let total =
                    try Int.fetchOne(
                        db, sql: "SELECT count(*) " + query.countBody, arguments: query.countArguments) ?? 0
                let ids = try Int64.fetchAll(
                    db, sql: "SELECT r.id " + query.body + query.order + " LIMIT ? OFFSET ?",
                    arguments: query.arguments + [max(0, limit), max(0, offset)])
                let currents = try VersionQuery.currents(recordIDs: ids, in: db)
                return RecordPage(records: ids.compactMap { currents[$0] }, total: total)
            }
        }
    }

    /// Calls `body` with the current view of every record that matches `filter`, in list order: for exports.
    ///
    /// The matches are fixed in one read; their records are then read in batches of 200, each batch in its own
    /// short read, so a long export never keeps an import waiting for the database.
    public func forEachCurrentRecord(
        matching filter: RecordFilter, _ body: (CurrentRecord) throws -> Void
    ) throws(ArchiveError) {
        try DatabaseAccess.wrap {
            let ids = try queue.read { db in
                let query = try ConsoleQuery(filter, in: db)
                let sql = "SELECT r.id " + query.body + query.order
                return try Int64.fetchAll(db, sql: sql, arguments: query.arguments)
            }
            var start = 0
            while start < ids.count {
                let batch = ids[start..<min(ids.count, start + 200)]
                let currents = try queue.read { db in try VersionQuery.currents(recordIDs: batch, in: db) }
                for id in batch { if let record = currents[id] { try body(record) } }
                start += batch.count
            }
        }
    }

    /// The distinct non-empty values of one field in the current records of `kind`, most frequent first: the
    /// choices of a filter (levels, genders, statuses).
    ///
    /// - Parameters:
    ///   - field: a canonical field name (`level`, `gender`, `status`).
    ///   - limit: the most values returned.
    public func distinctValues(of field: String, kind: ShopRecord.Kind, limit: Int = 50) throws(ArchiveError)
        -> [String]
    {
        precondition(ConsoleQuery.isFieldName(field), "not a canonical field name")
        return try DatabaseAccess.wrap {
            try queue.read { db in
                try String.fetchAll(
                    db,
                    sql: """
                        SELECT value FROM (
                            SELECT json_extract(v.fields, ?) AS value \(ConsoleQuery.currentVersions) WHERE r.kind = ?)
                        WHERE value IS NOT NULL AND value <> '' GROUP BY value ORDER BY count(*) DESC, value LIMIT ?
                        """, arguments: ["$." + field, kind.rawValue, limit])
            }
        }
    }

    /// The orders whose current `member_id` is `memberID`, newest first by `ordered_at` (then by key).
    public func orders(ofMember memberID: String) throws(ArchiveError) -> [CurrentRecord] {
        try DatabaseAccess.wrap {
            try queue.read { db in
                let ids = try Int64.fetchAll(
                    db,
                    sql: """
                        SELECT DISTINCT l.record_id FROM lookups l JOIN records r ON r.id = l.record_id
                        WHERE l.field = 'member_id' AND l.value = ? AND r.kind = 'order'
                        """, arguments: [memberID.trimmingCharacters(in: .whitespacesAndNewlines)])
                let orders = try VersionQuery.currents(recordIDs: ids, in: db).values
                    .filter { $0[field: "member_id"] == memberID }
                return orders.sorted { lhs, rhs in
                    let left = lhs[field: "ordered_at"] ?? "", right = rhs[field: "ordered_at"] ?? ""
                    return left != right ? left > right : lhs.key > rhs.key
                }
            }
        }
    }

    /// What arrived in bundles imported from `start` up to (not including) `end`: records new to the archive,
    /// and records already archived that came with a new content (each counted once however often it changed).
    public func arrivals(importedFrom start: Date, to end: Date) throws(ArchiveError) -> ArrivalCounts {
        try DatabaseAccess.wrap {
            try queue.read { db in
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        WITH touched AS (
                            SELECT rv.record_id, r.kind,
                                   rv.id = (SELECT min(f.id) FROM revisions f WHERE f.record_id = rv.record_id) AS first
                            FROM bundles b
                            JOIN revisions rv ON rv.bundle_id = b.id
                            JOIN records r ON r.id = rv.record_id
                            WHERE b.imported_at >= ? AND b.imported_at < ?)
                        SELECT kind, count(DISTINCT CASE WHEN first THEN record_id END) AS new,
                               count(DISTINCT record_id) AS touched
                        FROM touched GROUP BY kind
                        """, arguments: [Timestamp.rfc3339(start), Timestamp.rfc3339(end)])
                var counts = ArrivalCounts()
                for row in rows {
                    let new: Int = row["new"]
                    let changed = (row["touched"] as Int) - new
                    if (row["kind"] as String) == ShopRecord.Kind.member.rawValue {
                        counts.membersNew = new
                        counts.membersChanged = changed
                    } else {
                        counts.ordersNew = new
                        counts.ordersChanged = changed
                    }
                }
                return counts
            }
        }
    }
}

/// The SQL of a ``RecordFilter``: a `FROM … WHERE …` body over current versions with bound arguments, and the
/// list order.
struct ConsoleQuery {
    /// Each record joined with its current version (its newest revision's), as `r` and `v`.
    static let currentVersions = """
        FROM records r
        JOIN revisions rv ON rv.id = (SELECT max(x.id) FROM revisions x WHERE x.record_id = r.id)
        JOIN versions v ON v.id = rv.version_id
        """

    var body: String
    var arguments: StatementArguments
    var order: String
    /// The body for counting matches: without conditions on the version, the records alone.
    var countBody: String
    var countArguments: StatementArguments

    init(_ filter: RecordFilter, in db: Database) throws {
        let date =
            filter.kind == .member
            ? "replace(substr(json_extract(v.fields, '$.registered_at'), 1, 10), '/', '-')"
            : """
            replace(substr(coalesce(nullif(json_extract(v.fields, '$.ordered_at'), ''),
                json_extract(v.fields, '$.completed_at')), 1, 10), '/', '-')
            """
        var conditions = ["r.kind = ?"]
        var arguments: StatementArguments = [filter.kind.rawValue]
        if let from = filter.from {
            conditions.append("\(date) >= ?")
            arguments += [from]
        }
        if let through = filter.through {
            conditions.append("\(date) <= ?")
            arguments += [through]
        }
        for (field, value) in filter.equals.sorted(by: { $0.key < $1.key }) {
            precondition(Self.isFieldName(field), "not a canonical field name")
            conditions.append("json_extract(v.fields, ?) = ?")
            arguments += ["$." + field, value]
        }
        let keyword = filter.keyword.trimmingCharacters(in: .whitespacesAndNewlines)
        if !keyword.isEmpty {
            let (subquery, keywordArguments) = try Self.keywordMatches(keyword, kind: filter.kind, in: db)
            conditions.append("r.id IN (\(subquery))")
            arguments += keywordArguments
        }
        body = Self.currentVersions + " WHERE " + conditions.joined(separator: " AND ")
        self.arguments = arguments
        let unfiltered = conditions.count == 1
        countBody = unfiltered ? "FROM records r WHERE r.kind = ?" : body
        countArguments = unfiltered ? [filter.kind.rawValue] : arguments
        order = " ORDER BY \(date) DESC, r.key DESC"
    }

    /// Canonical field names are lower-case letters, digits and `_`: the only names bound as JSON paths.
    static func isFieldName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x5F }
    }

    /// Record ids whose key is the keyword, or whose indexed account, e-mail, name or phone holds it.
    static func keywordMatches(_ keyword: String, kind: ShopRecord.Kind, in db: Database) throws
        -> (String, StatementArguments)
    {
        var parts = ["SELECT id FROM records WHERE kind = ? AND key = ?"]
        var arguments: StatementArguments = [kind.rawValue, keyword]
        parts.append("SELECT record_id FROM lookups WHERE field IN ('member_id', 'order_no') AND value = ?")
        arguments += [keyword]
        let folded = LookupNormalizer.folded(keyword)
        if !folded.isEmpty {
            parts.append(
                "SELECT record_id FROM lookups WHERE field IN ('email', 'account') AND value LIKE ? ESCAPE '\\'")
            arguments += ["%" + likeEscaped(folded) + "%"]
        }
        if let digits = phoneFragment(keyword) {
            parts.append("SELECT record_id FROM lookups WHERE field = 'phone' AND value LIKE ? ESCAPE '\\'")
            arguments += ["%" + digits + "%"]
        }
        let name = LookupNormalizer.nameKey(keyword)
        if !name.isEmpty {
            // As `find`: the trigram index answers patterns of 3 or more characters; shorter ones scan `names`.
            // A LIKE with ESCAPE is not given to the index, so names holding `%`, `_` or `\` scan `names`.
            let plain = likeEscaped(name) == name
            if try plain && name.unicodeScalars.count >= 3 && db.tableExists("names_fts") {
                parts.append("SELECT n.record_id FROM names_fts f JOIN names n ON n.id = f.rowid WHERE f.name LIKE ?")
            } else {
                parts.append("SELECT record_id FROM names WHERE name LIKE ? ESCAPE '\\'")
            }
            arguments += ["%" + likeEscaped(name) + "%"]
        }
        return (parts.joined(separator: " UNION "), arguments)
    }

    /// The digits to look for in phone keys when the keyword looks like (part of) a phone number: the whole
    /// number's key when it is one, otherwise its digits without leading zeros (`0912` finds `912345678`).
    static func phoneFragment(_ keyword: String) -> String? {
        if let key = LookupNormalizer.phoneKey(keyword) { return key }
        let text = keyword.precomposedStringWithCompatibilityMapping
        let allowed = CharacterSet.decimalDigits.union(CharacterSet(charactersIn: " -.()+"))
        guard text.unicodeScalars.allSatisfy({ allowed.contains($0) }) else { return nil }
        var digits = text.unicodeScalars.filter { ("0"..."9").contains($0) }.map(Character.init)
        while digits.first == "0" { digits.removeFirst() }
        return digits.count >= 3 ? String(digits) : nil
    }

    /// `%`, `_` and `\` escaped for `LIKE … ESCAPE '\'`.
    static func likeEscaped(_ text: String) -> String {
        var out = ""
        for character in text {
            if character == "%" || character == "_" || character == "\\" { out.append("\\") }
            out.append(character)
        }
        return out
    }
}

extension VersionQuery {
    /// The current views of several records in one statement, by record id; ids without a revision are absent.
    static func currents(recordIDs: some Collection<Int64>, in db: Database) throws -> [Int64: CurrentRecord] {
        guard !recordIDs.isEmpty else { return [:] }
        let marks = databaseQuestionMarks(count: recordIDs.count)
        let cursor = try Row.fetchCursor(
            db, sql: select + " WHERE rv.record_id IN (\(marks)) ORDER BY rv.record_id, rv.id",
            arguments: StatementArguments(Array(recordIDs)))
        var currents: [Int64: CurrentRecord] = [:]
        var run: [ArchivedVersion] = []
        var runRecord: Int64?
        while let row = try cursor.next() {
            let recordID: Int64 = row["record_id"]
            if recordID != runRecord, let previous = runRecord {
                currents[previous] = CurrentRecord(revisions: run)
                run.removeAll(keepingCapacity: true)
            }
            runRecord = recordID
            run.append(try version(row))
        }
        if let last = runRecord { currents[last] = CurrentRecord(revisions: run) }
        return currents
    }
}
