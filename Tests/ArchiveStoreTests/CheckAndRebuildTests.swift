import AirlockFormat
import ArchiveStore
import Foundation
import TestSupport
import Testing

@Suite struct CheckAndRebuildTests {
    static func populated() throws -> ArchiveFixture {
        let fixture = try ArchiveFixture()
        let chain = fixture.chain()
        try fixture.importOK(try chain.next(members: Fixtures.members(4), orders: Fixtures.orders(3)))
        try fixture.importOK(try chain.next(members: [VersionTests.edited(Fixtures.members(1)[0], "phone", "0912***001", masked: ["phone"])]))
        try fixture.importOK(try fixture.chain(Array(repeating: 0x42, count: 16)).next(orders: Fixtures.orders(2, start: 10)))
        return fixture
    }

    static func currentView(_ archive: Archive) throws -> [CurrentRecord] {
        var records: [CurrentRecord] = []
        for kind in ShopRecord.Kind.allCases { try archive.forEachCurrentRecord(kind: kind) { records.append($0) } }
        return records
    }

    @Test func aGoodStorePasses() throws {
        let fixture = try Self.populated()
        let report = try fixture.archive.check(identity: fixture.offline)
        #expect(report.problems == [])
        #expect(report.bundlesChecked == 3)
        #expect(report.recordsCompared == 9)
        #expect(report.auditEntriesChecked == 4)
    }

    @Test func aTamperedStoredBundleFails() throws {
        let fixture = try Self.populated()
        let name = try #require(try fixture.archive.bundles().first?.fileName)
        let path = fixture.archive.layout.bundle(named: name)
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        bytes[bytes.count - 100] ^= 0x20
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let report = try fixture.archive.check(identity: fixture.offline)
        #expect(!report.isSound)
        #expect(report.problems.contains { $0.contains(name) && $0.contains("signature") })
    }

    @Test func aTamperedAuditRowFails() throws {
        let fixture = try Self.populated()
        try fixture.archive.executeUncheckedSQL("""
            DROP TRIGGER audit_log_no_update;
            UPDATE audit_log SET details = '{"reason":"nothing to see"}' WHERE seq = 2;
            """)
        let report = try fixture.archive.check(identity: fixture.offline)
        #expect(report.problems.contains { $0.hasPrefix("audit log entry 2:") })
    }

    @Test func aTamperedIndexValueFails() throws {
        let fixture = try Self.populated()
        try fixture.archive.executeUncheckedSQL("""
            DROP TRIGGER versions_no_update;
            UPDATE versions SET fields = json_set(fields, '$.email', 'someone@else.example') WHERE id = 1;
            """)
        let report = try fixture.archive.check(identity: fixture.offline)
        #expect(report.problems.contains { $0.contains("version") && $0.contains("M00001") && $0.contains("not in the stored bundles") })
    }

    @Test func rebuildGivesTheSameCurrentViewAndKeepsTheAuditLog() throws {
        let fixture = try Self.populated()
        let before = try Self.currentView(fixture.archive)
        let log = try fixture.archive.auditLog()
        let bundles = try fixture.archive.bundles()
        let summary = try Archive.rebuild(at: fixture.archive.layout.root, identity: fixture.offline)
        #expect(summary.bundles == 3)
        #expect(summary.carriedAuditEntries == log.count)
        let rebuilt = try Archive.open(at: fixture.archive.layout.root)
        #expect(try Self.currentView(rebuilt) == before)
        #expect(try rebuilt.bundles() == bundles)
        let newLog = try rebuilt.auditLog()
        #expect(Array(newLog.prefix(log.count)) == log)
        #expect(newLog.last?.event == "rebuild")
        #expect(try rebuilt.check(identity: fixture.offline).problems == [])
    }

    @Test func rebuildWorksFromTheBundlesAloneWhenTheDatabaseIsGone() throws {
        let fixture = try Self.populated()
        let before = try Self.currentView(fixture.archive)
        try FileManager.default.removeItem(atPath: fixture.archive.layout.database)
        let summary = try Archive.rebuild(at: fixture.archive.layout.root, identity: fixture.offline)
        #expect(!summary.previousDatabaseReadable)
        let rebuilt = try Archive.open(at: fixture.archive.layout.root)
        // The import times are lost with the database: everything else is the same.
        let after = try Self.currentView(rebuilt)
        #expect(after.map(\.fields) == before.map(\.fields))
        #expect(after.map(\.newest.contentHash) == before.map(\.newest.contentHash))
        #expect(after.map(\.newest.bundle.sequence) == before.map(\.newest.bundle.sequence))
        #expect(after.map(\.restored) == before.map(\.restored))
        #expect(try rebuilt.auditLog().map(\.event) == ["import", "import", "import", "rebuild"])
        #expect(try rebuilt.check(identity: fixture.offline).problems == [])
    }

    @Test func statsCountPerMonth() throws {
        let fixture = try ArchiveFixture()
        var orders = Fixtures.orders(3)
        for (index, month) in ["2025-10-03 10:00", "2025/10/20", "2025-11-01T00:00:00+09:00"].enumerated() {
            let order = orders[index]
            orders[index] = ShopRecord(
                kind: .order, source: order.source, key: order.key,
                fields: order.fields + [.init(name: "completed_at", value: month)], items: order.items, rows: order.rows)
        }
        let chain = fixture.chain()
        try fixture.importOK(try chain.next(members: Fixtures.members(2), orders: orders))
        try fixture.importOK(try chain.next(members: [VersionTests.edited(Fixtures.members(1)[0], "email", "x@example.jp")]))
        let stats = try fixture.archive.stats()
        #expect(stats.map(\.month) == ["2025-10", "2025-11"])
        #expect(stats[0].ordersCompleted == 2)
        #expect(stats[1].ordersCompleted == 1)
        #expect(stats[1].ordersNew == 3)
        #expect(stats[1].membersNew == 2)
        #expect(stats[1].membersChanged == 1)
    }

    @Test func storeFilesArePrivate() throws {
        let fixture = try Self.populated()
        let layout = fixture.archive.layout
        func mode(_ path: String) throws -> Int {
            (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? -1
        }
        #expect(try mode(layout.root) == 0o700)
        #expect(try mode(layout.bundles) == 0o700)
        #expect(try mode(layout.receipts) == 0o700)
        #expect(try mode(layout.database) == 0o600)
        #expect(try mode(layout.trust) == 0o600)
        #expect(try mode(layout.config) == 0o600)
        for name in fixture.storedFiles { #expect(try mode(layout.bundle(named: name)) == 0o600) }
    }

    @Test func trustChangesAreAudited() throws {
        let fixture = try ArchiveFixture()
        let other = Fixtures.packer("second")
        #expect(try fixture.archive.trust(other.publicKey))
        #expect(try !fixture.archive.trust(other.publicKey))
        try fixture.archive.distrust(KeyID(other.publicKey))
        #expect(throws: ArchiveError.self) { try fixture.archive.distrust(KeyID(other.publicKey)) }
        #expect(try fixture.archive.auditLog().map(\.event) == ["init", "trust-add", "trust-remove"])
        #expect(try fixture.archive.trustList().keyIDs == [KeyID(fixture.packer.publicKey)])
    }
}
