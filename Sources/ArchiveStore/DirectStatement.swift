import GRDB
import GRDBSQLite

/// Runs the import's hot statements with their values bound and their result read through SQLite's C API.
///
/// Why not `Statement.execute(arguments:)` and `fetchOne`: GRDB converts each value through an unspecialised
/// generic map and key path, about 3,000 instructions a value, which was a seventh of an import's database thread
/// (a record binds some 40 values). The statements are still GRDB's — prepared and cached by
/// `Database.cachedStatement`, finalised with the connection — and they run inside GRDB's transaction, which rolls
/// back if these throw.
enum DirectStatement {
    /// A value to bind.
    enum Value {
        case text(String)
        /// Text given as its UTF-8 bytes (valid UTF-8, which SQLite does not check).
        case utf8([UInt8])
        case integer(Int64)
    }

    /// Binds `values` to the statement's parameters in order, steps it to the end and resets it.
    /// - Throws: `DatabaseError` with SQLite's code and message (a CHECK, a UNIQUE or a trigger's RAISE).
    static func run(_ statement: Statement, _ values: [Value], in db: Database) throws {
        try withBound(values, to: statement, in: db) { handle in
            var code = sqlite3_step(handle)
            while code == SQLITE_ROW { code = sqlite3_step(handle) }
            try finish(code, statement, db)
        }
    }

    /// Binds `values`, steps once and returns the first column of the first row as an integer: nil when there is
    /// no row or the column is NULL.
    static func integer(_ statement: Statement, _ values: [Value], in db: Database) throws -> Int64? {
        try withBound(values, to: statement, in: db) { handle in
            let code = sqlite3_step(handle)
            guard code == SQLITE_ROW else {
                try finish(code, statement, db)
                return nil
            }
            let value = sqlite3_column_type(handle, 0) == SQLITE_NULL ? nil : sqlite3_column_int64(handle, 0)
            sqlite3_reset(handle)
            return value
        }
    }

    /// Runs `body` with `values` bound, then clears the bindings, so that no pointer to the values outlives them.
    /// Text is copied once into storage that lives exactly that long.
    private static func withBound<Result>(
        _ values: [Value], to statement: Statement, in db: Database, _ body: (OpaquePointer) throws -> Result
    ) throws -> Result {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        precondition(Int(sqlite3_bind_parameter_count(handle)) == values.count, "one value per parameter")
        var textBytes = 0
        for value in values {
            switch value {
            case let .text(text): textBytes += text.utf8.count
            case let .utf8(bytes): textBytes += bytes.count
            case .integer: break
            }
        }
        return try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(textBytes, 1)) { storage in
            defer { sqlite3_clear_bindings(handle) }
            var used = 0
            func bindCopy(_ utf8: UnsafeBufferPointer<UInt8>, at index: CInt) -> CInt {
                let copy = UnsafeMutableBufferPointer(rebasing: storage[used..<used + utf8.count])
                _ = copy.initialize(from: utf8)
                used += utf8.count
                return bindText(handle, index, UnsafeBufferPointer(copy))
            }
            for (offset, value) in values.enumerated() {
                let index = CInt(offset + 1)
                let code: CInt
                switch value {
                case let .integer(number): code = sqlite3_bind_int64(handle, index, number)
                case var .text(text): code = text.withUTF8 { bindCopy($0, at: index) }
                case let .utf8(bytes): code = bytes.withUnsafeBufferPointer { bindCopy($0, at: index) }
                }
                guard code == SQLITE_OK else { throw error(code, statement, db) }
            }
            return try body(handle)
        }
    }

    /// Binds text that SQLite does not copy (`SQLITE_STATIC`, the null destructor): it reads the bytes where they
    /// are, which must stay valid until the statement has run and its bindings are cleared. (SQLite's own copy —
    /// an allocation behind its global memory lock for each value — was a tenth of an import's database thread.)
    private static func bindText(_ handle: OpaquePointer, _ index: CInt, _ utf8: UnsafeBufferPointer<UInt8>) -> CInt {
        // A pointer is needed even for no bytes: a null one would bind NULL.
        guard let base = utf8.baseAddress, !utf8.isEmpty else { return sqlite3_bind_text(handle, index, "", 0, nil) }
        return base.withMemoryRebound(to: CChar.self, capacity: utf8.count) { chars in
            sqlite3_bind_text(handle, index, chars, CInt(utf8.count), nil)
        }
    }

    /// Resets the statement; throws SQLite's error unless `code` says it ran to the end.
    private static func finish(_ code: CInt, _ statement: Statement, _ db: Database) throws {
        guard code == SQLITE_DONE else {
            let failure = error(code, statement, db)
            sqlite3_reset(statement.sqliteStatement)
            throw failure
        }
        sqlite3_reset(statement.sqliteStatement)
    }

    private static func error(_ code: CInt, _ statement: Statement, _ db: Database) -> DatabaseError {
        let message = sqlite3_errmsg(db.sqliteConnection).map { String(cString: $0) }
        return DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
    }
}
