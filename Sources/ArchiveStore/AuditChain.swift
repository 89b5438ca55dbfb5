import AirlockFormat
import SodiumKit
import Foundation
import GRDB

/// The audit log's hash chain: each entry's hash is
/// `BLAKE2b-256("airlock/v1/audit-entry" ‖ 0x00 ‖ u64 seq ‖ str time ‖ str event ‖ str details ‖ prev hash)`,
/// with `str` a little-endian u32 byte length then UTF-8 and the previous hash as 32 raw bytes. The receipt's
/// `audit-head` is the hash of the entry that recorded the import.
enum AuditChain {
    static let domain = Array("airlock/v1/audit-entry".utf8) + [0]

    /// The entry hash of one entry, lower-case hex.
    static func hash(seq: Int64, time: String, event: String, details: String, previousHash: String) -> String {
        var bytes = domain
        withUnsafeBytes(of: UInt64(seq).littleEndian) { bytes += $0 }
        for text in [time, event, details] {
            let utf8 = Array(text.utf8)
            withUnsafeBytes(of: UInt32(utf8.count).littleEndian) { bytes += $0 }
            bytes += utf8
        }
        bytes += Hex.decode(previousHash) ?? []
        return Hex.encode(BLAKE2b.hash(bytes, outputLength: 32))
    }

    /// Appends an entry inside the caller's transaction and returns it.
    static func append(_ event: AuditEntry.Event, details: [String: AuditValue], time: String, in db: Database)
        throws -> AuditRow
    {
        let last = try AuditRow.order(AuditRow.Columns.seq.desc).fetchOne(db)
        let seq = (last?.seq ?? 0) + 1
        let previous = last?.entryHash ?? Schema.zeroHash
        let text = AuditValue.object(details).json
        let row = AuditRow(
            seq: seq, time: time, event: event.rawValue, details: text, prevHash: previous,
            entryHash: hash(seq: seq, time: time, event: event.rawValue, details: text, previousHash: previous))
        try row.insert(db)
        return row
    }

    /// The first entry, by number, whose link or hash is wrong, with why; nil when the chain is intact.
    static func firstBreak(in db: Database) throws -> (seq: Int64, reason: String)? {
        var expectedSeq: Int64 = 1
        var previous = Schema.zeroHash
        let cursor = try AuditRow.order(AuditRow.Columns.seq).fetchCursor(db)
        while let row = try cursor.next() {
            if row.seq != expectedSeq { return (row.seq, "entry \(expectedSeq) is missing") }
            if row.prevHash != previous { return (row.seq, "its previous hash does not name entry \(row.seq - 1)") }
            let computed = hash(
                seq: row.seq, time: row.time, event: row.event, details: row.details, previousHash: row.prevHash)
            if computed != row.entryHash { return (row.seq, "its content does not match its hash (it was edited)") }
            previous = row.entryHash
            expectedSeq += 1
        }
        return nil
    }
}

/// A JSON value for audit details, encoded canonically (keys sorted, no spaces).
enum AuditValue {
    case string(String)
    case int(Int64)
    case bool(Bool)
    case array([AuditValue])
    case object([String: AuditValue])

    var json: String {
        switch self {
        case let .string(text):
            let data = (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8)
            return String(decoding: data, as: UTF8.self)
        case let .int(value): return String(value)
        case let .bool(value): return value ? "true" : "false"
        case let .array(values): return "[" + values.map(\.json).joined(separator: ",") + "]"
        case let .object(members):
            return "{" + members.keys.sorted().map { AuditValue.string($0).json + ":" + members[$0]!.json }
                .joined(separator: ",") + "}"
        }
    }
}
