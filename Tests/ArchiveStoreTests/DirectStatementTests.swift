import Foundation
import GRDB
import GRDBSQLite
import Testing

@testable import ArchiveStore

/// The import's hot statements bind and read through SQLite's C API: values must arrive exactly, a refused row must
/// fail the way GRDB's own execution would, leaving the statement usable, and a query must read what GRDB reads.
@Suite struct DirectStatementTests {
    func database() throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: """
                CREATE TABLE t (n INTEGER NOT NULL, s TEXT NOT NULL CHECK (s <> 'refused'), UNIQUE (n, s));
                """)
        }
        return queue
    }

    @Test func bindsTextAndIntegersExactly() throws {
        let queue = try database()
        let texts = ["", "a", "台北市大安區", "😀\u{0}nul", String(repeating: "x", count: 5_000), "e\u{301}"]
        try queue.write { db in
            let statement = try db.cachedStatement(sql: "INSERT INTO t (n, s) VALUES (?, ?), (?, ?)")
            for (index, text) in texts.enumerated() {
                try DirectStatement.run(
                    statement, [.integer(Int64(index)), .text(text), .integer(Int64.min + Int64(index)), .text("b")],
                    in: db)
            }
        }
        let rows = try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT n, CAST(s AS BLOB) AS bytes, typeof(s) AS type FROM t WHERE n >= 0 ORDER BY n")
        }
        // Compared as bytes: reading text back through a C string would stop at the NUL.
        #expect(rows.map { [UInt8]($0["bytes"] as Data? ?? Data()) } == texts.map { Array($0.utf8) })
        #expect(rows.allSatisfy { $0["type"] as String == "text" })
        #expect(try queue.read { db in try Int64.fetchOne(db, sql: "SELECT min(n) FROM t") } == Int64.min)
    }

    @Test func aRefusedRowThrowsSQLitesErrorAndTheStatementStaysUsable() throws {
        let queue = try database()
        try queue.write { db in
            let statement = try db.cachedStatement(sql: "INSERT INTO t (n, s) VALUES (?, ?)")
            try DirectStatement.run(statement, [.integer(1), .text("kept")], in: db)
            for refused in [[DirectStatement.Value.integer(2), .text("refused")], [.integer(1), .text("kept")]] {
                do {
                    try DirectStatement.run(statement, refused, in: db)
                    Issue.record("the row was accepted")
                } catch let error as DatabaseError {
                    #expect(error.resultCode == .SQLITE_CONSTRAINT)
                    #expect(error.message?.contains("constraint failed") == true)
                }
            }
            try DirectStatement.run(statement, [.integer(3), .text("after")], in: db)
        }
        #expect(try queue.read { db in try String.fetchAll(db, sql: "SELECT s FROM t ORDER BY n") } == ["kept", "after"])
    }

    @Test func utf8BytesBindAsTheSameTextAsStrings() throws {
        let queue = try database()
        let texts = ["", "a", "台北市大安區", "😀\u{0}nul", String(repeating: "y", count: 5_000)]
        try queue.write { db in
            let statement = try db.cachedStatement(sql: "INSERT INTO t (n, s) VALUES (?, ?)")
            for (index, text) in texts.enumerated() {
                try DirectStatement.run(statement, [.integer(Int64(index)), .utf8(Array(text.utf8))], in: db)
            }
        }
        let rows = try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT CAST(s AS BLOB) AS bytes, typeof(s) AS type FROM t ORDER BY n")
        }
        #expect(rows.map { [UInt8]($0["bytes"] as Data? ?? Data()) } == texts.map { Array($0.utf8) })
        #expect(rows.allSatisfy { $0["type"] as String == "text" })
    }

    @Test func integerReadsTheFirstColumnOfTheFirstRow() throws {
        let queue = try database()
        try queue.write { db in
            try db.execute(sql: "INSERT INTO t (n, s) VALUES (7, 'seven'), (-3, 'minus'), (9, 'nine')")
            let lookup = try db.cachedStatement(sql: "SELECT n FROM t WHERE s = ?")
            #expect(try DirectStatement.integer(lookup, [.text("seven")], in: db) == 7)
            #expect(try DirectStatement.integer(lookup, [.utf8(Array("minus".utf8))], in: db) == -3)
            #expect(try DirectStatement.integer(lookup, [.text("none")], in: db) == nil)
            #expect(try DirectStatement.integer(lookup, [.text("nine")], in: db) == 9)
            let null = try db.cachedStatement(sql: "SELECT NULL WHERE ? = 1")
            #expect(try DirectStatement.integer(null, [.integer(1)], in: db) == nil)
            // Stepping only once leaves rows unread: the statement is reset, so the transaction can still commit.
            let many = try db.cachedStatement(sql: "SELECT n FROM t ORDER BY n")
            #expect(try DirectStatement.integer(many, [], in: db) == -3)
            try db.execute(sql: "INSERT INTO t (n, s) VALUES (10, 'ten')")
        }
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM t") } == 4)
    }

    /// Text is bound without a copy, so no binding may outlive the call that made it: afterwards the statement's
    /// parameters are NULL again.
    @Test func noBindingOutlivesTheCall() throws {
        let queue = try database()
        try queue.write { db in
            let insert = try db.cachedStatement(sql: "INSERT INTO t (n, s) VALUES (?, ?)")
            try DirectStatement.run(insert, [.integer(5), .utf8(Array("台北".utf8))], in: db)
            #expect(Self.expandedSQL(insert) == "INSERT INTO t (n, s) VALUES (NULL, NULL)")
            let find = try db.cachedStatement(sql: "SELECT n FROM t WHERE s = ?")
            #expect(try DirectStatement.integer(find, [.text("台北")], in: db) == 5)
            #expect(Self.expandedSQL(find) == "SELECT n FROM t WHERE s = NULL")
        }
    }

    /// The statement's SQL with its current bindings written in.
    static func expandedSQL(_ statement: Statement) -> String? {
        guard let text = sqlite3_expanded_sql(statement.sqliteStatement) else { return nil }
        defer { sqlite3_free(text) }
        return String(cString: text)
    }
}
