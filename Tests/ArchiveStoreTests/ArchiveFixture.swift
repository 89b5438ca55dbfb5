import AirlockFormat
import ArchiveStore
import Foundation
import SodiumKit
import TestSupport

/// A temporary store, the fixture keys, and a packer that writes real bundles of one chain in order.
final class ArchiveFixture {
    static let fixedTime = Date(timeIntervalSince1970: 1_764_000_000)
    let directory = TemporaryDirectory("archive-store-test")
    let offline = Fixtures.offline()
    let packer = Fixtures.packer()
    let archive: Archive

    init() throws {
        archive = try Archive.create(
            at: directory.file("store"), offlineKeyPath: directory.file("offline.key"),
            identity: offline.publicIdentity, trusting: [packer.publicKey], clock: { ArchiveFixture.fixedTime })
    }

    /// A chain of bundles written into the fixture's folder.
    func chain(_ id: [UInt8] = Fixtures.chainID, signer: PackerIdentity? = nil) -> ChainWriter {
        ChainWriter(fixture: self, chainID: id, signer: signer ?? packer)
    }

    /// Imports bundles and returns the outcomes.
    @discardableResult
    func importing(_ paths: String...) throws -> [ImportOutcome] {
        try archive.importBundles(at: paths, identity: offline)
    }

    /// Imports one bundle, expecting success.
    @discardableResult
    func importOK(_ path: String) throws -> ImportSummary {
        try archive.importBundles(at: [path], identity: offline)[0].result.get()
    }

    /// Imports one bundle, expecting an error, and returns it.
    func importFailing(_ path: String) throws -> ArchiveError? {
        let outcome = try archive.importBundles(at: [path], identity: offline)[0]
        if case let .failure(error) = outcome.result { return error }
        return nil
    }

    /// Names of the files in `bundles/`, hidden ones included.
    var storedFiles: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: archive.layout.bundles)) ?? []).sorted()
    }
}

/// Writes consecutive bundles of one chain with `BundleWriter`.
final class ChainWriter {
    let fixture: ArchiveFixture
    let chainID: [UInt8]
    let signer: PackerIdentity
    private(set) var sequence: UInt64 = 0
    private(set) var previousHash = [UInt8](repeating: 0, count: 32)

    init(fixture: ArchiveFixture, chainID: [UInt8], signer: PackerIdentity) {
        self.fixture = fixture
        self.chainID = chainID
        self.signer = signer
    }

    /// Writes the next bundle of the chain and returns its path.
    @discardableResult
    func next(members: [ShopRecord] = [], orders: [ShopRecord] = []) throws -> String {
        try write(sequence: sequence + 1, previousHash: previousHash, members: members, orders: orders, advance: true)
    }

    /// Writes a bundle at any position without advancing the chain (forks, broken links).
    func write(
        sequence: UInt64, previousHash: [UInt8], members: [ShopRecord] = [], orders: [ShopRecord] = [],
        advance: Bool = false
    ) throws -> String {
        let path = fixture.directory.file("\(Hex.encode(chainID.prefix(4)))-\(sequence)-\(UUID().uuidString.prefix(8)).airlock")
        let parameters = BundleParameters(
            chainID: chainID, sequence: sequence, previousHash: previousHash, createdAt: 1_764_000_000 + Int64(sequence),
            recipients: [fixture.offline.publicIdentity.recipient], chunkSize: 4096)
        let written = try BundleWriter.write(
            path: path, parameters: parameters, signer: signer.signer,
            manifest: Fixtures.manifest(members: members, orders: orders), records: members + orders)
        if advance {
            self.sequence = sequence
            self.previousHash = written.bundleHash
        }
        return path
    }
}
