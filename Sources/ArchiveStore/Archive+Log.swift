import GRDB

extension Archive {
    /// The audit log, oldest first.
    public func auditLog() throws(ArchiveError) -> [AuditEntry] {
        try DatabaseAccess.wrap {
            try queue.read { db in try AuditRow.order(AuditRow.Columns.seq).fetchAll(db).map(AuditEntry.init) }
        }
    }

    /// The newest audit entry's hash (lower-case hex), or nil for an empty log.
    public func auditHead() throws(ArchiveError) -> String? {
        try DatabaseAccess.wrap {
            try queue.read { db in try AuditRow.order(AuditRow.Columns.seq.desc).fetchOne(db)?.entryHash }
        }
    }

    /// Every archived bundle, in import order.
    public func bundles() throws(ArchiveError) -> [ArchivedBundle] {
        try DatabaseAccess.wrap {
            try queue.read { db in try BundleRow.order(BundleRow.Columns.id).fetchAll(db).map(ArchivedBundle.init) }
        }
    }

    /// Each chain's head: its newest archived bundle (the highest sequence), derived, never stored.
    public func chainHeads() throws(ArchiveError) -> [ArchivedBundle] {
        try DatabaseAccess.wrap {
            try queue.read { db in
                try BundleRow.fetchAll(db, sql: """
                    SELECT b.* FROM bundles b JOIN chain_heads h ON h.bundle_id = b.id ORDER BY b.chain_id
                    """).map(ArchivedBundle.init)
            }
        }
    }

    /// Records an export in the audit log (for the `export` command): `details` are ids, counts and file
    /// names, never personal data.
    @discardableResult
    public func recordExport(details: [String: String], counts: [String: Int]) throws(ArchiveError) -> AuditEntry {
        var values = details.mapValues { AuditValue.string($0) }
        for (name, count) in counts { values[name] = .int(Int64(count)) }
        return try audit(.exported, values)
    }
}
