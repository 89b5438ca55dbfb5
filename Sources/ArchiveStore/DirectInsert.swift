import GRDB
import GRDBSQLite

/// Runs one of the import's INSERT statements with its values bound through SQLite's C API.
///
/// Why not `Statement.execute(arguments:)`: GRDB converts each value through an unspecialised generic map and
/// key path, about 3,000 instructions a value, which was a seventh of an import's database thread (a record binds
/// some 40 values). The statement is still GRDB's — prepared and cached by `Database.cachedStatement`, finalised
/// with the connection — and it runs inside GRDB's transaction, which rolls back if this throws.
enum DirectInsert {
    /// A value to bind.
    enum Value {
        case text(String)
        case integer(Int64)
    }

    /// SQLite copies bound text before `sqlite3_bind_text` returns.
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    /// Binds `values` to the statement's parameters in order, steps it to the end and resets it.
    /// - Throws: `DatabaseError` with SQLite's code and message (a CHECK, a UNIQUE or a trigger's RAISE).
    static func run(_ statement: Statement, _ values: [Value], in db: Database) throws {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        precondition(Int(sqlite3_bind_parameter_count(handle)) == values.count, "one value per parameter")
        for (offset, value) in values.enumerated() {
            let index = CInt(offset + 1)
            let code: CInt
            switch value {
            case let .integer(number):
                code = sqlite3_bind_int64(handle, index, number)
            case let .text(text) where text.isEmpty:
                // A pointer is needed even for no bytes: a null one would bind NULL.
                code = sqlite3_bind_text(handle, index, "", 0, transient)
            case let .text(text):
                var text = text
                code = text.withUTF8 { utf8 in
                    utf8.withMemoryRebound(to: CChar.self) { chars in
                        sqlite3_bind_text(handle, index, chars.baseAddress, CInt(chars.count), transient)
                    }
                }
            }
            guard code == SQLITE_OK else { throw error(code, statement, db) }
        }
        var code = sqlite3_step(handle)
        while code == SQLITE_ROW { code = sqlite3_step(handle) }
        guard code == SQLITE_DONE else {
            let failure = error(code, statement, db)
            sqlite3_reset(handle)
            throw failure
        }
        sqlite3_reset(handle)
    }

    private static func error(_ code: CInt, _ statement: Statement, _ db: Database) -> DatabaseError {
        let message = sqlite3_errmsg(db.sqliteConnection).map { String(cString: $0) }
        return DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
    }
}
