import AirlockFormat
import GRDB

extension Archive {
    /// Finds records by one lookup key, normalised as at import (``LookupField/key(for:)``): e-mail and account
    /// case-insensitively, phone numbers by their national significant digits, names by substring.
    ///
    /// Every version's values are indexed, so a record is found by an e-mail address it had before.
    ///
    /// - Parameters:
    ///   - limit: the most matching records returned (orders listed under a member do not count).
    ///   - history: include every revision of each record.
    /// - Throws: ``ArchiveError/badQuery(_:)`` when the value normalises to nothing searchable.
    public func find(_ field: LookupField, _ value: String, limit: Int = 100, history: Bool = false)
        throws(ArchiveError) -> FindResult
    {
        guard let key = field.key(for: value) else {
            throw .badQuery(field == .phone
                ? "a phone number needs at least 6 digits and nothing but digits, spaces, '+', '-', '.', '(' and ')'"
                : "the \(field.rawValue) to search for is empty")
        }
        return try DatabaseAccess.wrap {
            try queue.read { db in
                let ids = try matches(field, key: key, limit: limit + 1, in: db)
                var members: [FindResult.Member] = []
                var orders: [FindResult.Found] = []
                var listedOrders = Set<Int64>()
                for id in ids.prefix(limit) {
                    guard let found = try found(recordID: id, history: history, in: db) else { continue }
                    if found.current.kind == .member {
                        var memberOrders: [FindResult.Found] = []
                        for orderID in try orderIDs(memberID: found.current.key, in: db) {
                            if let order = try self.found(recordID: orderID, history: history, in: db) {
                                memberOrders.append(order)
                                listedOrders.insert(orderID)
                            }
                        }
                        members.append(.init(member: found, orders: memberOrders))
                    }
                }
                for id in ids.prefix(limit) where !listedOrders.contains(id) {
                    if let found = try found(recordID: id, history: history, in: db), found.current.kind == .order {
                        orders.append(found)
                    }
                }
                return FindResult(members: members, orders: orders, truncated: ids.count > limit)
            }
        }
    }

    private func matches(_ field: LookupField, key: String, limit: Int, in db: Database) throws -> [Int64] {
        let sql: String
        var arguments: StatementArguments = []
        if field == .name {
            // The trigram index answers patterns of 3 or more characters; shorter ones scan `names`.
            sql = try key.unicodeScalars.count >= 3 && db.tableExists("names_fts")
                ? """
                    SELECT DISTINCT n.record_id FROM names_fts f JOIN names n ON n.id = f.rowid
                    JOIN records r ON r.id = n.record_id
                    WHERE f.name LIKE ? ORDER BY r.kind, r.key LIMIT ?
                    """
                : """
                    SELECT DISTINCT n.record_id FROM names n JOIN records r ON r.id = n.record_id
                    WHERE n.name LIKE ? ORDER BY r.kind, r.key LIMIT ?
                    """
            arguments = ["%" + key + "%", limit]
        } else {
            sql = """
                SELECT l.record_id FROM lookups l JOIN records r ON r.id = l.record_id
                WHERE l.field = ? AND l.value = ? ORDER BY r.kind, r.key LIMIT ?
                """
            arguments = [field.rawValue, key, limit]
        }
        // Cached statements: preparing the SQL was half of a look-up's time.
        return try Int64.fetchAll(db.cachedStatement(sql: sql), arguments: arguments)
    }

    private func orderIDs(memberID: String, in db: Database) throws -> [Int64] {
        // CROSS JOIN keeps `lookups` the outer loop: with a plain JOIN, SQLite's planner walks every order in
        // `records` (by the kind index) and probes `lookups` for each — 40 ms per look-up at 100k members
        // instead of a few index probes.
        try Int64.fetchAll(db.cachedStatement(sql: """
            SELECT l.record_id FROM lookups l CROSS JOIN records r ON r.id = l.record_id
            WHERE l.field = 'member_id' AND l.value = ? AND r.kind = 'order' ORDER BY r.key
            """), arguments: [memberID])
    }

    private func found(recordID: Int64, history: Bool, in db: Database) throws -> FindResult.Found? {
        let revisions = try VersionQuery.revisions(recordID: recordID, in: db)
        guard !revisions.isEmpty else { return nil }
        return FindResult.Found(current: CurrentRecord(revisions: revisions), history: history ? revisions : nil)
    }
}
