import AirlockFormat
import ArchiveStore
import Foundation
import Masking
import PackKit
import ShopData
import TestSupport

/// An archive filled the way the shop fills it: CSV exports packed by the real pipeline (fixture keys), then
/// imported; plus helpers to export and read the result back.
final class ExportFixture {
    /// The examples' dates are spread around this day.
    static let asOf = ISO8601DateFormatter().date(from: "2026-11-25T03:00:00Z")!
    let base: ArchiveFixture
    let state: PackState
    var archive: Archive { base.archive }
    var directory: TemporaryDirectory { base.directory }

    init() throws {
        base = try ArchiveFixture()
        state = try PackState(directory: base.directory.file("pack-state"))
    }

    /// Packs CSV files (paths) into the next bundle of the chain and imports it.
    @discardableResult
    func packAndImport(members: String? = nil, orders: String? = nil, profile: Profile? = nil) throws -> PackSummary {
        let out = directory.file("bundles-out")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let request = PackRequest(
            membersFile: members, ordersFile: orders, profile: profile, encoding: nil, policy: .defaultPolicy,
            now: Self.asOf, recipients: [base.offline.publicIdentity.recipient], signer: base.packer.signer,
            outputDirectory: out, packerName: "airlock-test")
        let summary = try PackPipeline.run(request, state: state)!
        try base.importOK(summary.bundlePath)
        return summary
    }

    /// Packs and imports examples, named relative to `Examples/`.
    @discardableResult
    func packExamples(members: String? = nil, orders: String? = nil) throws -> PackSummary {
        try packAndImport(members: members.map(RepositoryPaths.example), orders: orders.map(RepositoryPaths.example))
    }

    /// Writes a UTF-8 CSV file into the fixture's folder.
    func csv(_ name: String, _ lines: [String]) -> String {
        directory.write(Array((lines.joined(separator: "\n") + "\n").utf8), to: name)
    }

    /// Exports to a new file in the fixture's folder; returns its path.
    @discardableResult
    func export(_ options: ExportOptions, name: String = "export-\(UUID().uuidString).csv") throws -> String {
        let path = directory.file(name)
        try archive.export(options, to: path)
        return path
    }
}

/// A CSV file read whole: header keys and each row's values by key.
struct ReadCSV {
    var keys: [String]
    var names: [String]
    var rows: [[String: String]]
    var dialect: CSVDialect

    init(_ path: String) throws {
        let reader = try CSVReader(url: URL(fileURLWithPath: path), options: CSVReadOptions(allowedDuplicateHeaders: .any))
        var rows: [[String: String]] = []
        while let row = try reader.next() {
            rows.append(Dictionary(uniqueKeysWithValues: zip(reader.header.keys, row.values)))
        }
        keys = reader.header.keys
        names = reader.header.names
        self.rows = rows
        dialect = reader.dialect
    }

    /// Rows grouped by the value of `key`, in file order within each group.
    func grouped(by key: String) -> [String: [[String: String]]] {
        Dictionary(grouping: rows) { $0[key] ?? "" }
    }
}
