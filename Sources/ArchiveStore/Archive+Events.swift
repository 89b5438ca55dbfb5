import GRDB

extension Archive {
    /// Records a change to the back-office console's staff accounts in the audit log.
    ///
    /// - Parameters:
    ///   - event: ``AuditEntry/Event/consoleUserAdded`` or ``AuditEntry/Event/consoleUserRemoved``; other events
    ///     are written only by the archive's own operations.
    ///   - details: staff user names and similar ids, never customers' personal data, never a password.
    /// - Throws: ``ArchiveError/database(_:)`` when the entry cannot be written.
    @discardableResult
    public func recordEvent(_ event: AuditEntry.Event, details: [String: String]) throws(ArchiveError) -> AuditEntry {
        precondition(
            event == .consoleUserAdded || event == .consoleUserRemoved,
            "only console events are recorded through recordEvent")
        return try audit(event, details.mapValues { .string($0) })
    }

    /// The newest audit entries of some events, newest first (for the console's dashboard).
    ///
    /// - Parameters:
    ///   - events: the events wanted (``AuditEntry/Event/rejected``, …).
    ///   - limit: the most entries returned.
    public func recentAuditEntries(_ events: [AuditEntry.Event], limit: Int) throws(ArchiveError) -> [AuditEntry] {
        try DatabaseAccess.wrap {
            try queue.read { db in
                try AuditRow.filter(events.map(\.rawValue).contains(Column("event")))
                    .order(AuditRow.Columns.seq.desc).limit(limit).fetchAll(db).map(AuditEntry.init)
            }
        }
    }
}
