import AirlockFormat
import ArchiveStore
import GRDB
import TestSupport
import Testing

/// `v3-revision-rule-as-key` rebuilds `revisions` so that inserting one needs no statement journal: every row
/// must survive with its id, and every rule must still hold.
@Suite struct RevisionsMigrationTests {
    /// `revisions` as the releases before v3 made it (`v1-records`), with its rule as a trigger and its append-only
    /// triggers; deliberately written out here, as an older store has it.
    static let previousSchema = """
        DROP VIEW current_versions;
        DROP VIEW current_revisions;
        DROP INDEX versions_by_id_and_record;
        CREATE TABLE revisions_v1 (
            id INTEGER PRIMARY KEY,
            record_id INTEGER NOT NULL REFERENCES records(id),
            version_id INTEGER NOT NULL REFERENCES versions(id),
            bundle_id INTEGER NOT NULL REFERENCES bundles(id) DEFERRABLE INITIALLY DEFERRED,
            UNIQUE (record_id, id)
        );
        INSERT INTO revisions_v1 SELECT id, record_id, version_id, bundle_id FROM revisions;
        DROP TABLE revisions;
        ALTER TABLE revisions_v1 RENAME TO revisions;
        CREATE INDEX revisions_by_bundle ON revisions(bundle_id);
        CREATE TRIGGER revisions_match_record BEFORE INSERT ON revisions
        WHEN (SELECT record_id FROM versions WHERE id = NEW.version_id) IS NOT NEW.record_id
        BEGIN SELECT RAISE(ABORT, 'airlock: a revision must name a version of its own record'); END;
        CREATE VIEW current_revisions AS
            SELECT record_id, max(id) AS revision_id FROM revisions GROUP BY record_id;
        CREATE VIEW current_versions AS
            SELECT r.id AS record_id, r.kind, r.key, v.id AS version_id, v.bundle_id, v.content_hash,
                   v.fields, v.masked_at_source, v.items, v.source
            FROM records r
            JOIN current_revisions c ON c.record_id = r.id
            JOIN revisions rv ON rv.id = c.revision_id
            JOIN versions v ON v.id = rv.version_id;
        CREATE TRIGGER revisions_no_update BEFORE UPDATE ON revisions
        BEGIN SELECT RAISE(ABORT, 'airlock: revisions is append-only'); END;
        CREATE TRIGGER revisions_no_delete BEFORE DELETE ON revisions
        BEGIN SELECT RAISE(ABORT, 'airlock: revisions is append-only'); END;
        DELETE FROM grdb_migrations WHERE identifier = 'v3-revision-rule-as-key';
        """

    static let snapshotQueries = [
        "SELECT id, record_id, version_id, bundle_id FROM revisions ORDER BY id",
        "SELECT field, value, record_id FROM lookups ORDER BY field, value, record_id",
        "SELECT id, record_id, name FROM names ORDER BY id",
        "SELECT rowid FROM names_fts WHERE names_fts MATCH '小村亮' ORDER BY rowid",
    ]

    static func snapshot(_ path: String) throws -> [[String]] {
        try DatabaseQueue(path: path).read { db in
            try snapshotQueries.map { sql in
                try Row.fetchAll(db, sql: sql).map { row in row.databaseValues.map(\.description).joined(separator: "|") }
            }
        }
    }

    @Test func aStoreOfThePreviousSchemaMigratesWithEveryRowAndRule() throws {
        let fixture = try ArchiveFixture()
        let chain = fixture.chain()
        let members = Fixtures.members(6)
        try fixture.importOK(try chain.next(members: members, orders: Fixtures.orders(4)))
        try fixture.importOK(try chain.next(members: [VersionTests.edited(members[1], "phone", "0933-222-111")]))
        try fixture.archive.executeUncheckedSQL(Self.previousSchema)
        let database = fixture.archive.layout.database
        let before = try Self.snapshot(database)
        #expect(before.allSatisfy { !$0.isEmpty })

        let archive = try Archive.open(at: fixture.archive.layout.root)

        #expect(try Self.snapshot(database) == before)
        let triggers = try DatabaseQueue(path: database).read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_schema WHERE type = 'trigger' ORDER BY name")
        }
        #expect(!triggers.contains("revisions_match_record"))
        for table in ["revisions", "lookups", "names"] {
            #expect(triggers.contains("\(table)_no_update") && triggers.contains("\(table)_no_delete"), "\(table)")
            #expect(throws: (any Error).self) { try archive.executeUncheckedSQL("DELETE FROM \(table)") }
            #expect(throws: (any Error).self) { try archive.executeUncheckedSQL("UPDATE \(table) SET record_id = 1") }
        }
        // Record 1's only version is version 1; naming it from record 2, or a record that does not exist, fails.
        #expect(throws: (any Error).self) {
            try archive.executeUncheckedSQL("INSERT INTO revisions (record_id, version_id, bundle_id) VALUES (2, 1, 1)")
        }
        #expect(throws: (any Error).self) {
            try archive.executeUncheckedSQL("INSERT INTO lookups VALUES ('email', 'nobody@example.jp', 999)")
        }
        #expect(throws: (any Error).self) {
            try archive.executeUncheckedSQL("INSERT INTO names (record_id, name) VALUES (999, 'nobody')")
        }
        #expect(try Self.snapshot(database) == before)

        #expect(try archive.find(.phone, "0933-222-111").members.map(\.member.current.key) == [members[1].key])
        #expect(try archive.find(.name, "小村").members.count == 2)
        #expect(try archive.check(identity: fixture.offline).problems.isEmpty)
        let next = try archive.importBundles(at: [try chain.next(members: Fixtures.members(2, start: 7))], identity: fixture.offline)
        #expect(next.count == 1)
        if case let .failure(error) = next[0].result { Issue.record("import after the migration failed: \(error)") }
        #expect(try archive.check(identity: fixture.offline).problems.isEmpty)
    }

    /// The rule the trigger used to enforce, now a composite foreign key, on a store created by this release: a
    /// revision naming another record's version is refused and nothing is kept.
    @Test func aRevisionMustNameAVersionOfItsOwnRecord() throws {
        let fixture = try ArchiveFixture()
        try fixture.importOK(try fixture.chain().next(members: Fixtures.members(2)))
        let database = fixture.archive.layout.database
        let revisions = try DatabaseQueue(path: database).read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM revisions") }
        #expect(throws: (any Error).self) {
            try fixture.archive.executeUncheckedSQL("INSERT INTO revisions (record_id, version_id, bundle_id) VALUES (1, 2, 1)")
        }
        #expect(try DatabaseQueue(path: database).read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM revisions") } == revisions)
    }
}
