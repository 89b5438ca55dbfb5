import AirlockFormat
import ArchiveStore
import Foundation
import TestSupport
import Testing

@Suite struct FailedImportTests {
    /// A forged, correctly signed bundle (sequence 2 after `chain`'s head) with `records` and `manifest`.
    static func forged(
        _ fixture: ArchiveFixture, after chain: ChainWriter, manifest: Manifest, records: [ShopRecord],
        edit: (inout BundleForge) -> Void = { _ in }
    ) -> String {
        var forge = BundleForge(
            chainID: chain.chainID, recipients: [fixture.offline.publicIdentity.recipient], signer: fixture.packer.signer,
            payload: .init(frames: Fixtures.frames(manifest: manifest, records: records), compression: .none))
        forge.sequence = chain.sequence + 1
        forge.previousHash = chain.previousHash
        forge.chunkSize = 4096
        edit(&forge)
        return fixture.directory.write(forge.build(), to: "forged-\(UUID().uuidString).airlock")
    }

    static func expectUnchanged(_ fixture: ArchiveFixture, files: [String]) throws {
        #expect(try fixture.archive.recordCounts() == (2, 0))
        #expect(try fixture.archive.bundles().count == 1)
        #expect(try fixture.archive.chainHeads().first?.sequence == 1)
        #expect(fixture.storedFiles == files)
        #expect(try fixture.archive.history(kind: .member, key: "M00003").isEmpty)
    }

    @Test func aCorruptLastChunkLeavesTheArchiveUnchanged() throws {
        let fixture = try ArchiveFixture()
        let chain = fixture.chain()
        try fixture.importOK(try chain.next(members: Fixtures.members(2)))
        let files = fixture.storedFiles
        let members = Fixtures.members(200)
        let path = Self.forged(fixture, after: chain, manifest: Fixtures.manifest(members: members, orders: []), records: members) {
            $0.editChunks = { chunks in chunks[chunks.count - 1][5] ^= 0x01 }
        }
        let error = try fixture.importFailing(path)
        guard case .bundleRejected(_, .chunkAuthenticationFailed) = error else {
            Issue.record("expected a chunk failure, got \(String(describing: error))")
            return
        }
        try Self.expectUnchanged(fixture, files: files)
        #expect(try fixture.archive.auditLog().last?.details.contains("chunk-authentication-failed") == true)
    }

    @Test func aManifestCountMismatchFoundAtTheEndRollsBackEveryRecord() throws {
        let fixture = try ArchiveFixture()
        let chain = fixture.chain()
        try fixture.importOK(try chain.next(members: Fixtures.members(2)))
        let files = fixture.storedFiles
        let members = Fixtures.members(5)
        let manifest = Fixtures.manifest(members: members + Fixtures.members(1, start: 9), orders: [])
        let path = Self.forged(fixture, after: chain, manifest: manifest, records: members)
        guard case .bundleRejected(_, .manifestMismatch) = try fixture.importFailing(path) else {
            Issue.record("expected a manifest mismatch")
            return
        }
        try Self.expectUnchanged(fixture, files: files)
    }

    @Test func anUnparsableFileIsRejectedAndAudited() throws {
        let fixture = try ArchiveFixture()
        let path = fixture.directory.write(Array("not a bundle at all".utf8), to: "junk.airlock")
        guard case .bundleRejected(_, .badMagic) = try fixture.importFailing(path) else {
            Issue.record("expected bad magic")
            return
        }
        let last = try #require(try fixture.archive.auditLog().last)
        #expect(last.event == "reject")
        #expect(last.details.contains("bad-magic"))
    }

    @Test func aPartialCopyLeftByACrashIsRemovedOrCompleted() throws {
        let fixture = try ArchiveFixture()
        let chain = fixture.chain()
        let summary = try fixture.importOK(try chain.next(members: Fixtures.members(1)))
        let layout = fixture.archive.layout
        let stored = try #require(try fixture.archive.bundles().first?.fileName)
        // A committed bundle whose rename did not happen, and an orphan of an import that never committed.
        try FileManager.default.moveItem(atPath: layout.bundle(named: stored), toPath: layout.bundle(named: "." + stored + ".partial"))
        _ = FileManager.default.createFile(atPath: layout.bundle(named: ".orphan.airlock.partial"), contents: Data([1, 2, 3]))
        try fixture.importOK(try chain.next(members: Fixtures.members(1, start: 2)))
        #expect(fixture.storedFiles.filter { $0.hasSuffix(".partial") }.isEmpty)
        #expect(FileManager.default.fileExists(atPath: layout.bundle(named: stored)))
        #expect(summary.sequence == 1)
    }
}
