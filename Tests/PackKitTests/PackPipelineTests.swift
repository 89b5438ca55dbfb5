import AirlockFormat
import Foundation
import Masking
import PackKit
import ShopData
import SodiumKit
import TestSupport
import Testing

@Suite struct PackPipelineTests {
    let offline = Fixtures.offline()
    let packer = Fixtures.packer()
    /// The examples' dates are spread around this day.
    static let asOf = ISO8601DateFormatter().date(from: "2026-11-25T03:00:00Z")!

    func request(members: String?, orders: String?, out: String, profile: Profile? = nil) -> PackRequest {
        PackRequest(
            membersFile: members.map(RepositoryPaths.example), ordersFile: orders.map(RepositoryPaths.example),
            profile: profile, encoding: nil, policy: .defaultPolicy, now: Self.asOf,
            recipients: [offline.recipient.publicKey], signer: packer.signer, outputDirectory: out,
            packerName: "airlock-test")
    }

    func open(_ summary: PackSummary) throws -> Acceptance.Outcome {
        try Acceptance.run(path: summary.bundlePath, trusted: [packer.publicKey], recipient: offline.recipient)
    }

    @Test func theCanonicalExamplesArriveWhole() throws {
        let folder = TemporaryDirectory()
        let state = try PackState(directory: folder.file("state"))
        let summary = try #require(try PackPipeline.run(
            request(members: "airlock/members.csv", orders: "airlock/orders.csv", out: folder.path), state: state))
        let outcome = try open(summary)
        #expect(outcome.manifest.counts.members == UInt64(summary.files[0].sealedRecords))
        #expect(outcome.manifest.counts.orders == UInt64(summary.files[1].sealedRecords))
        #expect(outcome.verified.header.sequence == 1)

        // Every column of every sealed row survives with its exact value.
        for (index, file) in ["airlock/members.csv", "airlock/orders.csv"].enumerated() {
            let reader = try CSVReader(url: URL(fileURLWithPath: RepositoryPaths.example(file)))
            var byRow: [Int: [String]] = [:]
            while let row = try reader.next() { byRow[row.record] = row.values }
            let source = outcome.manifest.sources[index]
            #expect(source.columns == reader.header.names)
            for record in outcome.records where record.source == UInt16(index) {
                for row in record.rows { #expect(byRow[Int(row.row)] == row.cells) }
            }
        }
        let entry = try #require(try state.entry(1))
        #expect(entry.status == .sent)
        #expect(entry.bundleHash == Hex.encode(outcome.verified.bundleHash))
    }

    @Test func theMaskedReExportKeepsUnmaskedCellsByteForByte() throws {
        let folder = TemporaryDirectory()
        let state = try PackState(directory: folder.file("state"))
        let summary = try #require(try PackPipeline.run(request(members: "airlock/members.csv", orders: nil, out: folder.path), state: state))
        let input = try CSVReader(url: URL(fileURLWithPath: RepositoryPaths.example("airlock/members.csv")))
        let masked = try CSVReader(url: URL(fileURLWithPath: try #require(summary.files[0].maskedFile)))
        #expect(masked.header == input.header)
        #expect(masked.dialect == input.dialect)
        let maskedFields: Set<String> = ["name", "name_kana", "phone", "mobile", "postal_code", "address"]
        var compared = 0
        while let original = try input.next() {
            let copy = try #require(try masked.next())
            for (column, name) in input.header.names.enumerated() {
                if maskedFields.contains(name) {
                    if original.values[column].count > 1 { #expect(copy.values[column] != original.values[column], "\(name)") }
                } else {
                    #expect(copy.rawField(column) == original.rawField(column), "\(name)")
                    compared += 1
                }
            }
        }
        #expect(try masked.next() == nil)
        #expect(compared > 0)
    }

    @Test func ecCubeInCP932KeepsItsEncodingAndNeverSealsCredentials() throws {
        let folder = TemporaryDirectory()
        let state = try PackState(directory: folder.file("state"))
        let summary = try #require(try PackPipeline.run(request(members: "ec-cube/member.csv", orders: "ec-cube/order.csv", out: folder.path), state: state))
        #expect(summary.files.map(\.encoding) == ["cp932", "cp932"])
        let outcome = try open(summary)
        let members = outcome.manifest.sources[0]
        #expect(members.credentialColumns.sorted() == ["password", "salt"])
        #expect(!members.columns.contains("password"))
        let maskedMembers = try CSVReader(url: URL(fileURLWithPath: try #require(summary.files[0].maskedFile)))
        #expect(maskedMembers.dialect.encoding == .cp932)
        let original = try CSVReader(url: URL(fileURLWithPath: RepositoryPaths.example("ec-cube/member.csv")))
        let password = try #require(original.header.index(of: "password"))
        while let row = try original.next(), let copy = try maskedMembers.next() {
            #expect(copy.rawField(password) == row.rawField(password))
        }
    }

    @Test func shopifyOrdersAreGroupedByOrder() throws {
        let folder = TemporaryDirectory()
        let state = try PackState(directory: folder.file("state"))
        let summary = try #require(try PackPipeline.run(request(members: "shopify/customers_export.csv", orders: "shopify/orders_export.csv", out: folder.path), state: state))
        let outcome = try open(summary)
        let orders = outcome.records.filter { $0.kind == .order }
        #expect(!orders.isEmpty)
        #expect(orders.contains { $0.rows.count > 1 })
        for order in orders { #expect(order.items.count == order.rows.count) }
        #expect(summary.files[0].encoding == "utf-8-bom")
    }

    @Test func theNextBundleLinksToThePreviousOne() throws {
        let folder = TemporaryDirectory()
        let state = try PackState(directory: folder.file("state"))
        let first = try #require(try PackPipeline.run(request(members: "airlock/members.csv", orders: nil, out: folder.path), state: state))
        let second = try #require(try PackPipeline.run(request(members: "airlock/members.csv", orders: nil, out: folder.path), state: state))
        let header = try BundleVerifier.readHeader(path: second.bundlePath)
        #expect(header.sequence == 2)
        #expect(Hex.encode(header.previousHash) == first.bundleHash)
        #expect(try state.chain().lastSequence == 2)
    }

    @Test func nothingEligibleWritesNothing() throws {
        let folder = TemporaryDirectory()
        let state = try PackState(directory: folder.file("state"))
        var early = request(members: nil, orders: "airlock/orders.csv", out: folder.file("out"))
        early.now = ISO8601DateFormatter().date(from: "2026-01-01T00:00:00Z")!
        try FileManager.default.createDirectory(atPath: early.outputDirectory, withIntermediateDirectories: true)
        #expect(try PackPipeline.run(early, state: state) == nil)
        #expect(try FileSystem.list(early.outputDirectory).isEmpty)
        #expect(try state.entries().isEmpty)
    }

    @Test func aReservationLeftByACrashIsResolved() throws {
        let folder = TemporaryDirectory()
        let state = try PackState(directory: folder.file("state"))
        let first = try #require(try PackPipeline.run(request(members: "airlock/members.csv", orders: nil, out: folder.path), state: state))
        // A crash after the bundle reached its name but before the state said so: recovered as sent.
        var entry = try #require(try state.entry(1))
        entry.status = .reserved
        entry.bundleHash = nil
        try state.save(entry)
        // A crash before a second bundle appeared: its reservation is dropped.
        try state.save(BundleEntry(
            sequence: 2, status: .reserved, bundlePath: folder.file("never.airlock"), bundleHash: nil,
            createdAt: "2026-11-25T00:00:00Z", members: 1, orders: 0, maskedFiles: [], confirmedAt: nil))
        try PackPipeline.recover(state: state, signer: packer.publicKey)
        #expect(try state.entry(1)?.status == .sent)
        #expect(try state.entry(1)?.bundleHash == first.bundleHash)
        #expect(try state.entry(2) == nil)
    }

    @Test func aMissingInputIsAClearError() throws {
        let folder = TemporaryDirectory()
        let state = try PackState(directory: folder.file("state"))
        var missing = request(members: nil, orders: nil, out: folder.path)
        missing.membersFile = folder.file("nope.csv")
        #expect(throws: ShopDataError.self) { try PackPipeline.run(missing, state: state) }
        #expect(try state.entries().isEmpty)
    }

    @Test func aSplitOrderStopsThePackBeforeAnythingIsWritten() throws {
        let folder = TemporaryDirectory()
        let state = try PackState(directory: folder.file("state"))
        // The examples' header and first row (a one-line record), as orders A, B, then A again.
        let example = try String(contentsOfFile: RepositoryPaths.example("airlock/orders.csv"), encoding: .utf8)
        let lines = example.split(maxSplits: 2, whereSeparator: \.isNewline).map(String.init)
        let row = try #require(lines[1].split(separator: ",", maxSplits: 1).last)
        let split = folder.file("orders.csv")
        try ([lines[0]] + ["A", "A", "B", "A"].map { "\($0),\(row)" }).map { $0 + "\n" }.joined()
            .write(toFile: split, atomically: true, encoding: .utf8)
        var request = request(members: nil, orders: nil, out: folder.file("out"))
        request.ordersFile = split
        try FileManager.default.createDirectory(atPath: request.outputDirectory, withIntermediateDirectories: true)
        #expect(throws: ShopDataError.orderRowsSplit(CSVLocation(file: "orders.csv", row: 5, line: 5), earlierRow: 3)) {
            try PackPipeline.run(request, state: state)
        }
        #expect(try FileSystem.list(request.outputDirectory).isEmpty)
        #expect(try state.entries().isEmpty)
    }
}
