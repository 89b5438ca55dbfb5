import ArchiveStore
import Console
import Foundation
import SodiumKit
import TestSupport
import Testing

@Suite struct ConsoleUsersTests {
    static func add(_ users: ConsoleUsers, _ name: String, _ password: String = "long enough password") throws {
        try users.add(
            name, password: SecureBytes(copying: Array(password.utf8)), opsLimit: Argon2id.minimumOpsLimit,
            memLimit: Argon2id.minimumMemLimit, now: Date(timeIntervalSince1970: 1_795_600_800))
    }

    @Test func usersAreAddedListedAndRemovedInAPrivateFile() throws {
        let directory = TemporaryDirectory("airlock-console-users")
        let users = ConsoleUsers(store: StoreLayout(root: directory.path))
        #expect(try users.list().isEmpty)
        try Self.add(users, "hanako")
        try Self.add(users, "taro.y")
        #expect(
            try users.list() == [
                ConsoleUser(name: "hanako", createdAt: "2026-11-25T10:00:00Z"),
                ConsoleUser(name: "taro.y", createdAt: "2026-11-25T10:00:00Z"),
            ])
        let attributes = try FileManager.default.attributesOfItem(atPath: users.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let text = try String(contentsOfFile: users.path, encoding: .utf8)
        #expect(text.contains("$argon2id$"))
        #expect(!text.contains("long enough password"))
        try users.remove("hanako")
        #expect(try users.list().map(\.name) == ["taro.y"])
    }

    @Test func mistakesAreRefused() throws {
        let directory = TemporaryDirectory("airlock-console-users")
        let users = ConsoleUsers(store: StoreLayout(root: directory.path))
        try Self.add(users, "hanako")
        #expect(throws: ConsoleError.userExists("Hanako")) { try Self.add(users, "Hanako") }
        #expect(throws: ConsoleError.weakPassword(minimum: 10)) { try Self.add(users, "taro", "short") }
        #expect(throws: ConsoleError.noSuchUser("taro")) { try users.remove("taro") }
        for name in ["", "a b", "名前", "x/y", String(repeating: "a", count: 33), "<b>"] {
            #expect(throws: ConsoleError.badUserName(name)) { try Self.add(users, name) }
        }
        _ = FileManager.default.createFile(atPath: users.path, contents: Data("not json".utf8))
        #expect(throws: ConsoleError.usersFile(path: users.path, reason: "not a console users file (invalid JSON)")) {
            try users.list()
        }
    }

    @Test func userChangesAreAudited() throws {
        let fixture = try ConsoleFixture()
        try fixture.archive.recordEvent(.consoleUserAdded, details: ["user": "hanako"])
        try fixture.archive.recordEvent(.consoleUserRemoved, details: ["user": "hanako"])
        let entries = try fixture.archive.auditLog().suffix(2)
        #expect(entries.map(\.event) == ["console-user-add", "console-user-remove"])
        #expect(entries.allSatisfy { $0.details == "{\"user\":\"hanako\"}" })
        #expect(try fixture.archive.recentAuditEntries([.consoleUserAdded], limit: 5).count == 1)
    }
}
