import ArchiveStore
import TestSupport
import Testing

@Suite struct AppendOnlyTests {
    /// Each protected table with a column to rewrite.
    static let tables = [
        ("audit_log", "details"), ("bundles", "imported_at"), ("records", "key"), ("versions", "fields"),
        ("revisions", "version_id"), ("lookups", "value"), ("names", "name"),
    ]

    @Test(arguments: tables)
    func rawUpdatesAndDeletesAreRefusedBySQLite(table: String, column: String) throws {
        let fixture = try ArchiveFixture()
        try fixture.importOK(try fixture.chain().next(members: Fixtures.members(2), orders: Fixtures.orders(1)))
        #expect(throws: (any Error).self) { try fixture.archive.executeUncheckedSQL("UPDATE \(table) SET \(column) = \(column)") }
        #expect(throws: (any Error).self) { try fixture.archive.executeUncheckedSQL("DELETE FROM \(table)") }
        #expect(try fixture.archive.recordCounts() == (2, 1))
    }

    @Test func anAuditEntryMustExtendTheHashChain() throws {
        let fixture = try ArchiveFixture()
        #expect(throws: (any Error).self) {
            try fixture.archive.executeUncheckedSQL("""
                INSERT INTO audit_log (seq, time, event, details, prev_hash, entry_hash)
                VALUES (2, 'x', 'import', '{}', '\(String(repeating: "0", count: 64))', '\(String(repeating: "1", count: 64))')
                """)
        }
    }
}
