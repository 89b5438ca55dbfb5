import AirlockFormat
import Foundation
import Masking
import ShopData
import SodiumKit

/// One input file, opened for a pass: the reader, its assembler, and what the pass has counted.
final class SourcePass {
    let path: String
    let reader: ShopFileReader
    let assembler: RecordAssembler
    var figures: PackSummary.FileFigures
    /// Opens the file again, as this pass opened it.
    private let reopen: () throws -> ShopFileReader

    init(path: String, kind: ShopData.RecordKind, index: UInt16, request: PackRequest) throws {
        self.path = path
        reopen = {
            try ShopFileReader(
                url: URL(fileURLWithPath: path), profile: request.profile, kind: kind, encoding: request.encoding)
        }
        reader = try reopen()
        guard reader.kind == kind else {
            throw ShopDataError.unknownProfile(name: "\(reader.profile.name) \(kind.rawValue) (the file holds \(reader.kind.rawValue))")
        }
        let rules = EligibilityRules(
            memberMinAgeDays: request.memberMinAgeDays, orderMinAgeDays: request.orderMinAgeDays,
            timeZone: reader.profile.timeZone)
        assembler = RecordAssembler(reader: reader, sourceIndex: index, policy: request.policy, rules: rules, now: request.now)
        figures = PackSummary.FileFigures(
            file: URL(fileURLWithPath: path).lastPathComponent, kind: kind.recordKind.rawValue, profile: reader.profile.name,
            encoding: Self.encodingName(reader.csv.dialect), rows: 0, sealedRecords: 0, sealedRows: 0, skipped: [:],
            maskedCells: 0, blankedCells: 0, maskedAtSource: 0, maskedFile: nil)
    }

    /// Visits every unit, calling `sealed` for each eligible record (with its rows) and counting the rest.
    ///
    /// - Parameter splitCheck: `.bounded` on the counting pass, which then re-reads the file if the filter leaves
    ///   suspects (so memory stays flat however many orders the file holds); `.none` on the sealing pass, whose
    ///   file is the one the counting pass checked (its fingerprint is compared after).
    func forEachEligible(splitCheck: SplitOrderCheck, _ sealed: (ShopRecord, [MappedRow]) throws -> Void) throws {
        var units = SourceUnits(reader: reader, splitCheck: splitCheck)
        while let rows = try units.next() {
            figures.rows += rows.count
            switch assembler.eligibility(of: rows) {
            case let .notEligible(reason):
                figures.skipped[reason.code, default: 0] += 1
            case .eligible:
                let (record, maskedAtSource) = assembler.record(of: rows)
                figures.sealedRecords += 1
                figures.sealedRows += rows.count
                figures.maskedAtSource += maskedAtSource
                try sealed(record, rows)
            }
        }
        if !units.suspects.isEmpty { try confirmSplits(units.suspects) }
    }

    /// Re-reads the orders to tell real split orders among `suspects` from the filter's false alarms: throws
    /// `orderRowsSplit` for the first real one, as an exact check would have.
    private func confirmSplits(_ suspects: Set<String>) throws {
        var orders = try reopen().orders(check: .watching(suspects))
        while try orders.next() != nil {}
    }

    /// The manifest entry of this file, from the counting pass's figures.
    func manifestSource(hash: [UInt8], bytes: UInt64) -> Manifest.Source {
        let (columns, fields) = assembler.manifestColumns
        return Manifest.Source(
            kind: reader.kind.recordKind, file: figures.file, profile: reader.profile.name, encoding: figures.encoding,
            lineEnding: reader.csv.dialect.lineEnding == .crlf ? "crlf" : "lf", blake2b: Hex.encode(hash), bytes: bytes,
            rows: UInt64(figures.rows), sealedRows: UInt64(figures.sealedRows), columns: columns, fields: fields,
            credentialColumns: reader.mapper.credentialColumns.map { reader.csv.header.names[$0] })
    }

    static func encodingName(_ dialect: CSVDialect) -> String {
        dialect.encoding == .utf8 && dialect.byteOrderMark ? "utf-8-bom" : dialect.encoding.rawValue
    }

    /// BLAKE2b-256 and size of a whole file, read in blocks.
    static func fingerprint(_ path: String) throws -> (hash: [UInt8], bytes: UInt64) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ShopDataError.io(file: path, operation: "open", errno: errno)
        }
        defer { try? handle.close() }
        let hasher = BLAKE2b(outputLength: 32)
        var bytes: UInt64 = 0
        while let block = try handle.read(upToCount: 1 << 20), !block.isEmpty {
            bytes += UInt64(block.count)
            block.withUnsafeBytes { hasher.update($0) }
        }
        return (hasher.finalize(), bytes)
    }
}
