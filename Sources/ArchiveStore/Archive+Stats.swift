import GRDB

extension Archive {
    /// Activity per month, oldest first. Completed orders are counted by the month written at the start of their
    /// current `completed_at` value (`2026-11-03 10:00` and `2026/11/03` are November 2026; values that do not
    /// start with a year and month are not counted). New and changed records are counted by the month (UTC) of
    /// the bundle that brought them, by its creation time on the packer.
    public func stats() throws(ArchiveError) -> [MonthStats] {
        try DatabaseAccess.wrap {
            try queue.read { db in
                var months: [String: MonthStats] = [:]
                let completed = try Row.fetchAll(db, sql: """
                    SELECT month, count(*) AS n FROM (
                        SELECT replace(substr(json_extract(fields, '$.completed_at'), 1, 7), '/', '-') AS month
                        FROM current_versions WHERE kind = 'order')
                    WHERE month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]' GROUP BY month
                    """)
                for row in completed {
                    let month: String = row["month"]
                    months[month, default: MonthStats(month: month)].ordersCompleted = row["n"]
                }
                let arrivals = try Row.fetchAll(db, sql: """
                    WITH firsts AS (SELECT min(id) AS id FROM revisions GROUP BY record_id)
                    SELECT r.kind, strftime('%Y-%m', b.created_at, 'unixepoch') AS month,
                           sum(rv.id IN (SELECT id FROM firsts)) AS new, sum(rv.id NOT IN (SELECT id FROM firsts)) AS changed
                    FROM revisions rv JOIN records r ON r.id = rv.record_id JOIN bundles b ON b.id = rv.bundle_id
                    GROUP BY r.kind, month
                    """)
                for row in arrivals {
                    let month: String = row["month"]
                    let kind: String = row["kind"]
                    var entry = months[month, default: MonthStats(month: month)]
                    if kind == "order" {
                        entry.ordersNew = row["new"]
                        entry.ordersChanged = row["changed"]
                    } else {
                        entry.membersNew = row["new"]
                        entry.membersChanged = row["changed"]
                    }
                    months[month] = entry
                }
                return months.values.sorted { $0.month < $1.month }
            }
        }
    }
}
