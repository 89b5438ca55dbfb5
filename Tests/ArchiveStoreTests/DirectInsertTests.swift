import Foundation
import GRDB
import Testing

@testable import ArchiveStore

/// The import's INSERTs bind through SQLite's C API: values must arrive exactly, and a refused row must fail the
/// way GRDB's own execution would, leaving the statement usable.
@Suite struct DirectInsertTests {
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
                try DirectInsert.run(
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
            try DirectInsert.run(statement, [.integer(1), .text("kept")], in: db)
            for refused in [[DirectInsert.Value.integer(2), .text("refused")], [.integer(1), .text("kept")]] {
                do {
                    try DirectInsert.run(statement, refused, in: db)
                    Issue.record("the row was accepted")
                } catch let error as DatabaseError {
                    #expect(error.resultCode == .SQLITE_CONSTRAINT)
                    #expect(error.message?.contains("constraint failed") == true)
                }
            }
            try DirectInsert.run(statement, [.integer(3), .text("after")], in: db)
        }
        #expect(try queue.read { db in try String.fetchAll(db, sql: "SELECT s FROM t ORDER BY n") } == ["kept", "after"])
    }
}
