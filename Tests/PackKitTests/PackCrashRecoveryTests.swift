import AirlockFormat
import Foundation
import Masking
import PackKit
import SodiumKit
import TestSupport
import Testing

/// What a killed `pack` can leave, found by `EndToEndTests.CrashTests`, and how the next run must clean it up.
@Suite struct PackCrashRecoveryTests {
    let offline = Fixtures.offline()
    let packer = Fixtures.packer()

    func request(out: String) -> PackRequest {
        PackRequest(
            membersFile: RepositoryPaths.example("airlock/members.csv"), ordersFile: nil, profile: nil, encoding: nil,
            policy: .defaultPolicy, now: ISO8601DateFormatter().date(from: "2026-11-25T03:00:00Z")!,
            recipients: [offline.recipient.publicKey], signer: packer.signer, outputDirectory: out, packerName: "airlock-test")
    }

    @Test func temporaryFilesOfAKilledRunAreRemovedByTheNextRun() throws {
        let folder = TemporaryDirectory()
        let state = try PackState(directory: folder.file("state"))
        let first = try #require(try PackPipeline.run(request(out: folder.path), state: state))
        // Killed while writing bundle 2: its reservation, a temporary bundle beside its final name, and
        // temporaries of the state's own atomic writes.
        let chain = try state.chain()
        let bundle2 = folder.path + "/" + String(chain.chainID.prefix(8)) + "-00000002.airlock"
        try state.save(BundleEntry(
            sequence: 2, status: .reserved, bundlePath: bundle2, bundleHash: nil, createdAt: "2026-11-25T00:00:00Z",
            members: 1, orders: 0, maskedFiles: ["members.csv"], confirmedAt: nil))
        let leftovers = [
            folder.write([1, 2, 3], to: "." + URL(fileURLWithPath: bundle2).lastPathComponent + ".tmp-Ab12Cd"),
            folder.write([1], to: "state/.chain.json.tmp-Zz99Yy"), folder.write([1], to: "state/bundles/.00000002.json.tmp-Qq11Ww"),
        ]
        let second = try #require(try PackPipeline.run(request(out: folder.path), state: state))
        #expect(second.sequence == 2)
        #expect(second.bundlePath == bundle2)
        for path in leftovers { #expect(!FileManager.default.fileExists(atPath: path), "\(path) was left") }
        #expect(try FileSystem.list(folder.path).filter { $0.hasSuffix(".airlock") } == [
            URL(fileURLWithPath: first.bundlePath).lastPathComponent, URL(fileURLWithPath: bundle2).lastPathComponent,
        ])
    }

    @Test func aSentBundleTheChainDoesNotNameYetAdvancesTheChain() throws {
        let folder = TemporaryDirectory()
        let state = try PackState(directory: folder.file("state"))
        let first = try #require(try PackPipeline.run(request(out: folder.path), state: state))
        let second = try #require(try PackPipeline.run(request(out: folder.path), state: state))
        // Killed inside markSent after the entry of bundle 2 was saved and before chain.json was.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        var chain = try state.chain()
        chain.lastSequence = 1
        chain.lastHash = first.bundleHash
        try encoder.encode(chain).write(to: URL(fileURLWithPath: folder.file("state/chain.json")))

        let third = try #require(try PackPipeline.run(request(out: folder.path), state: state))
        #expect(third.sequence == 3)
        let header = try BundleVerifier.readHeader(path: third.bundlePath)
        #expect(Hex.encode(header.previousHash) == second.bundleHash)
        #expect(try state.chain().lastSequence == 3)
    }
}
