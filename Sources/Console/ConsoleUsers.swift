public import ArchiveStore
public import Foundation
public import SodiumKit

#if canImport(Glibc)
    import Glibc
#endif

/// A staff account of the console: a name and when it was added (the password hash stays inside).
public struct ConsoleUser: Sendable, Equatable, Codable {
    /// 1 to 32 letters, digits, `.`, `_` or `-`.
    public var name: String
    /// RFC 3339 UTC.
    public var createdAt: String

    public init(name: String, createdAt: String) {
        self.name = name
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case name
        case createdAt = "created_at"
    }
}

/// The console's staff accounts, kept in `console-users.json` inside the store folder (mode 0600, beside the
/// archive, never inside its append-only database): each user's name, creation time and an Argon2id password
/// hash string (`crypto_pwhash_str`, which records its own salt and limits).
///
/// The file is read again at every login and request, so `users add` and `users remove` take effect in a
/// running console at once. Changes are written to a temporary file and renamed into place under an exclusive
/// lock on the store folder.
public struct ConsoleUsers: Sendable {
    /// The file's name inside the store folder.
    public static let fileName = "console-users.json"
    /// The shortest password accepted.
    public static let minimumPasswordLength = 10

    /// The users file.
    public let path: String
    private let folder: String

    /// The users of the store at `layout`; nothing is read yet.
    public init(store layout: StoreLayout) {
        folder = layout.root
        path = layout.root + "/" + Self.fileName
    }

    private struct Entry: Codable {
        var name: String
        var createdAt: String
        var passwordHash: String

        enum CodingKeys: String, CodingKey {
            case name
            case createdAt = "created_at"
            case passwordHash = "password_hash"
        }
    }

    private struct File: Codable {
        var version = 1
        var users: [Entry] = []
    }

    /// Every user, in the order added.
    public func list() throws(ConsoleError) -> [ConsoleUser] {
        try read().users.map { ConsoleUser(name: $0.name, createdAt: $0.createdAt) }
    }

    /// Whether `name` is a user (exact match).
    func exists(_ name: String) -> Bool {
        ((try? read().users) ?? []).contains { $0.name == name }
    }

    /// Adds a user with an Argon2id hash of `password`.
    ///
    /// - Parameters:
    ///   - opsLimit, memLimit: Argon2id limits; the default is libsodium's "moderate" (3 passes, 256 MiB).
    ///   - now: the creation time recorded.
    /// - Throws: ``ConsoleError/badUserName(_:)``, ``ConsoleError/userExists(_:)``,
    ///   ``ConsoleError/weakPassword(minimum:)``, ``ConsoleError/usersFile(path:reason:)``.
    @discardableResult
    public func add(
        _ name: String, password: SecureBytes, opsLimit: UInt64 = Argon2id.moderateOpsLimit,
        memLimit: UInt64 = Argon2id.moderateMemLimit, now: Date = Date()
    ) throws(ConsoleError) -> ConsoleUser {
        guard Self.isValidName(name) else { throw .badUserName(name) }
        guard password.count >= Self.minimumPasswordLength else {
            throw .weakPassword(minimum: Self.minimumPasswordLength)
        }
        let hash: String
        do { hash = try Argon2id.hashPassword(password, opsLimit: opsLimit, memLimit: memLimit) } catch {
            throw .hashingFailed
        }
        return try withLock { () throws(ConsoleError) -> ConsoleUser in
            var file = try read()
            guard !file.users.contains(where: { $0.name.lowercased() == name.lowercased() }) else {
                throw .userExists(name)
            }
            let entry = Entry(name: name, createdAt: Self.timestamp(now), passwordHash: hash)
            file.users.append(entry)
            try write(file)
            return ConsoleUser(name: entry.name, createdAt: entry.createdAt)
        }
    }

    /// Removes a user; running consoles end its sessions at its next request.
    /// - Throws: ``ConsoleError/noSuchUser(_:)``, ``ConsoleError/usersFile(path:reason:)``.
    public func remove(_ name: String) throws(ConsoleError) {
        try withLock { () throws(ConsoleError) in
            var file = try read()
            guard file.users.contains(where: { $0.name == name }) else { throw .noSuchUser(name) }
            file.users.removeAll { $0.name == name }
            try write(file)
        }
    }

    /// Checks a login. Unknown names are checked against a dummy hash, so the answer takes as long whether or not
    /// the user exists. Blocking (Argon2id): call it off the event loop.
    ///
    /// - Returns: the user's exact name when the password matches.
    func verify(_ name: String, password: SecureBytes, dummyHash: String) -> String? {
        let entry = ((try? read().users) ?? []).first { $0.name == name }
        let matches = Argon2id.verifyPassword(password, hash: entry?.passwordHash ?? dummyHash)
        return matches && entry != nil ? entry?.name : nil
    }

    /// 1 to 32 ASCII letters, digits, `.`, `_`, `-`: safe in the audit log, in HTML and on the command line.
    public static func isValidName(_ name: String) -> Bool {
        (1...32).contains(name.utf8.count)
            && name.utf8.allSatisfy { byte in
                (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                    || byte == 0x2E || byte == 0x5F || byte == 0x2D
            }
    }

    private func read() throws(ConsoleError) -> File {
        guard FileManager.default.fileExists(atPath: path) else { return File() }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .usersFile(path: path, reason: "cannot read the file")
        }
        do { return try JSONDecoder().decode(File.self, from: data) } catch {
            throw .usersFile(path: path, reason: "not a console users file (invalid JSON)")
        }
    }

    /// Writes the file atomically: a 0600 temporary sibling, fsync, rename.
    private func write(_ file: File) throws(ConsoleError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(file) else { throw .usersFile(path: path, reason: "cannot encode") }
        let bytes = Array(data) + [0x0A]
        let temporary = path + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { throw .usersFile(path: path, reason: "cannot create \(temporary): \(Self.errnoText())") }
        fchmod(fd, 0o600)
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress!, $0.count) }
        let synced = fsync(fd) == 0
        close(fd)
        guard written == bytes.count, synced, rename(temporary, path) == 0 else {
            let reason = Self.errnoText()
            unlink(temporary)
            throw .usersFile(path: path, reason: "cannot write: \(reason)")
        }
    }

    /// Runs `body` holding an exclusive `flock` on the store folder, so two `users` commands never interleave.
    private func withLock<T>(_ body: () throws(ConsoleError) -> T) throws(ConsoleError) -> T {
        let fd = open(folder, O_RDONLY | O_DIRECTORY)
        guard fd >= 0 else {
            throw .usersFile(path: folder, reason: "cannot open the store folder: \(Self.errnoText())")
        }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { throw .usersFile(path: folder, reason: "cannot lock: \(Self.errnoText())") }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }

    private static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
