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
