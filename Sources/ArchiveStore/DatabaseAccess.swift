import AirlockFormat
import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// Opening the index database, and turning GRDB's errors into ``ArchiveError``.
enum DatabaseAccess {
    /// Opens (creating it 0600 if needed) and migrates the database at `path`.
    static func open(path: String, create: Bool) throws(ArchiveError) -> DatabaseQueue {
        if !FileSystem.exists(path) {
            guard create else {
                throw .notAStore(path: path, reason: "no archive.sqlite; run 'airlock-unpack rebuild' to make it again")
            }
            let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
            guard fd >= 0 else { throw .io(path: path, reason: "cannot create: \(FileSystem.errnoText())") }
            close(fd)
        }
        chmod(path, 0o600)
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.label = "airlock-archive"
        // A 32 MiB page cache (SQLite's default is 2 MiB): an import inserts into several indexes at random
        // places, and a small cache spills and re-reads pages all through a large bundle's transaction.
        // Statement journals in memory: on disk they were millions of small writes to a temporary file during
        // an import (a third of its time, and most of its variance); their size stays small here.
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA cache_size = -32768; PRAGMA temp_store = MEMORY") }
        return try wrap {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            // Migrations only go forward: a store a newer release has migrated is refused, untouched, rather
            // than used by code that does not know its schema (README, "Upgrading").
            let unknown = try queue.read { db in
                try Schema.migrator.appliedIdentifiers(db).subtracting(Schema.migrator.migrations).sorted()
            }
            if !unknown.isEmpty { throw ArchiveError.newerStore(path: path, migrations: unknown) }
            try Schema.migrator.migrate(queue)
            return queue
        }
    }

    /// Runs `body`, mapping SQLite and GRDB errors to ``ArchiveError/database(_:)``.
    static func wrap<T>(_ body: () throws -> T) throws(ArchiveError) -> T {
        do {
            return try body()
        } catch {
            throw mapped(error)
        }
    }

    /// The ``ArchiveError`` for any error thrown by GRDB or by the archive's own code.
    static func mapped(_ error: any Error) -> ArchiveError {
        switch error {
        case let error as ArchiveError: error
        case let error as DatabaseError: .database("SQLite \(error.resultCode): \(error.message ?? "no message")")
        default: .database(String(describing: error))
        }
    }
}
