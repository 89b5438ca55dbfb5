import AirlockFormat
import ArchiveStore
import Foundation
import TestSupport
import Testing

/// Upgrades only go forward: a store that a newer release migrated is refused by an older one, untouched.
@Suite struct SchemaVersionTests {
    @Test func aStoreMigratedByANewerReleaseIsRefusedAndLeftAsItWas() throws {
        let fixture = try ArchiveFixture()
        try fixture.importOK(try fixture.chain().next(members: Fixtures.members(1)))
        // What a later release's migration would leave behind: its name in GRDB's table of applied migrations.
        try fixture.archive.executeUncheckedSQL("INSERT INTO grdb_migrations (identifier) VALUES ('v9-future')")
        let database = fixture.archive.layout.database
        let before = FileManager.default.contents(atPath: database)

        #expect(throws: ArchiveError.newerStore(path: database, migrations: ["v9-future"])) {
            try Archive.open(at: fixture.archive.layout.root)
        }
        #expect(FileManager.default.contents(atPath: database) == before)
    }

    @Test func theRefusalSaysWhatToDo() {
        let error = ArchiveError.newerStore(path: "/srv/airlock/archive.sqlite", migrations: ["v2-x"])
        #expect(error.description.contains("newer airlock-unpack"))
        #expect(error.description.contains("v2-x"))
        #expect(error.code == "newer-store")
    }

    @Test func aStoreOfThisReleaseOpens() throws {
        let fixture = try ArchiveFixture()
        _ = try Archive.open(at: fixture.archive.layout.root)
    }
}

/// `v2-lookups-field-check` rebuilds `lookups` with the same rule in a form SQLite checks without a temporary
/// table: an archive indexed by v1 keeps every lookup key, its append-only triggers and its field rule.
@Suite struct LookupsMigrationTests {
    @Test func aVersionOneLookupsTableMigratesWithEveryKey() throws {
        let fixture = try ArchiveFixture()
        let members = Fixtures.members(3)
        try fixture.importOK(try fixture.chain().next(members: members))
        // Put the archive back to the v1 table, as an archive of the previous release has it.
        try fixture.archive.executeUncheckedSQL("""
            CREATE TABLE lookups_v1 (
                field TEXT NOT NULL CHECK (field IN ('email', 'account', 'member_id', 'order_no', 'phone')),
                value TEXT NOT NULL,
                record_id INTEGER NOT NULL REFERENCES records(id),
                PRIMARY KEY (field, value, record_id)
            ) WITHOUT ROWID;
            INSERT INTO lookups_v1 SELECT field, value, record_id FROM lookups;
            DROP TABLE lookups;
            ALTER TABLE lookups_v1 RENAME TO lookups;
            DELETE FROM grdb_migrations WHERE identifier = 'v2-lookups-field-check';
            """)
        let archive = try Archive.open(at: fixture.archive.layout.root)

        for member in members {
            let found = try archive.find(.email, member[field: "email"]!)
            #expect(found.members.map(\.member.current.key) == [member.key])
        }
        #expect(throws: (any Error).self) { try archive.executeUncheckedSQL("DELETE FROM lookups") }
        #expect(throws: (any Error).self) { try archive.executeUncheckedSQL("UPDATE lookups SET value = 'x'") }
        #expect(throws: (any Error).self) {
            try archive.executeUncheckedSQL("INSERT INTO lookups VALUES ('name', 'x', 1)")
        }
        #expect(try archive.check(identity: fixture.offline).problems.isEmpty)
    }
}
