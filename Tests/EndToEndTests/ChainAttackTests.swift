import AirlockFormat
import Foundation
import SodiumKit
import TestSupport
import Testing

/// Attacks on the chain and on the recipients, through `airlock-unpack import`: each is refused with its exit code
/// and a stderr line that names the problem, and none changes what the archive holds.
@Suite struct ChainAttackTests {
    let store: HostileStore
    let first: (path: String, hash: [UInt8])

    init() throws {
        store = try HostileStore()
        first = try store.bundle(named: "shop-1.airlock", members: Fixtures.members(3))
        let imported = try store.run("import", first.path)
        #expect(imported.status == 0, "\(imported.stderr)")
    }

    /// Checks the archive still holds exactly bundle 1 and is sound.
    func expectUnchanged(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let check = try store.run("check")
        #expect(check.status == 0, "\(check.stderr)", sourceLocation: sourceLocation)
        #expect(check.stdout.contains("(1 bundles, "), "\(check.stdout)", sourceLocation: sourceLocation)
        #expect(check.stdout.contains(" 3 records compared"), "\(check.stdout)", sourceLocation: sourceLocation)
    }

    func expectRefused(
        _ path: String, exit: Int32, naming fragments: [String], sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let result = try store.run("import", path)
        #expect(result.status == exit, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.lines.count == 1, "\(result.stderr)", sourceLocation: sourceLocation)
        for fragment in fragments {
            #expect(result.stderr.contains(fragment), "missing '\(fragment)' in: \(result.stderr)", sourceLocation: sourceLocation)
        }
        try expectUnchanged(sourceLocation: sourceLocation)
    }

    @Test func aReplayIsANoOpThatSaysAlreadyImported() throws {
        let copy = store.directory.file("replayed.airlock")
        try FileManager.default.copyItem(atPath: first.path, toPath: copy)
        for path in [first.path, copy] {
            let result = try store.run("import", path)
            #expect(result.status == 0)
            #expect(result.stderr.contains("already imported"))
            #expect(result.stderr.contains("nothing changed"))
        }
        try expectUnchanged()
    }

    @Test func aGapNamesTheMissingNumbers() throws {
        let third = try store.bundle(
            named: "shop-3.airlock", sequence: 3, previousHash: Array(repeating: 7, count: 32), members: Fixtures.members(1, start: 9))
        try expectRefused(third.path, exit: 11, naming: ["missing bundle 2", "import those first"])
    }

    @Test func aSequenceFarInTheFutureIsAGapNamingTheWholeRange() throws {
        let future = try store.bundle(
            named: "future.airlock", sequence: 1_000_000_000, previousHash: Array(repeating: 7, count: 32),
            members: Fixtures.members(1, start: 9))
        try expectRefused(future.path, exit: 11, naming: ["bundle 1000000000", "missing bundles 2…999999999"])
        let last = try store.bundle(
            named: "last.airlock", sequence: UInt64(Int64.max), previousHash: Array(repeating: 7, count: 32),
            members: Fixtures.members(1, start: 9))
        try expectRefused(last.path, exit: 11, naming: ["missing bundles 2…\(Int64.max - 1)"])
    }

    @Test func aForkAndABrokenLinkAreRefused() throws {
        let rival = try store.bundle(named: "rival-1.airlock", members: Fixtures.members(1, start: 50))
        try expectRefused(rival.path, exit: 11, naming: ["FORK", "already holds a different bundle 1"])
        let unlinked = try store.bundle(
            named: "unlinked-2.airlock", sequence: 2, previousHash: rival.hash, members: Fixtures.members(1, start: 51))
        try expectRefused(unlinked.path, exit: 11, naming: ["does not link to the archived bundle 1"])
        let log = try store.run("log")
        #expect(log.stdout.contains("\"reason\":\"fork\""))
        #expect(log.stdout.contains("\"reason\":\"broken-link\""))
    }

    @Test func anUntrustedSignerIsRefusedEvenForTheKnownChain() throws {
        let stranger = Fixtures.packer("stranger")
        let next = try store.bundle(
            named: "stranger-2.airlock", sequence: 2, previousHash: first.hash, members: Fixtures.members(1, start: 9),
            signer: stranger)
        try expectRefused(next.path, exit: 12, naming: [KeyID(stranger.publicKey).description, "not on this archive's trust list"])
    }

    @Test func aBundleSealedToAnotherRecipientIsRefused() throws {
        let other = Fixtures.offline("another-shop")
        let next = try store.bundle(
            named: "elsewhere-2.airlock", sequence: 2, previousHash: first.hash, members: Fixtures.members(1, start: 9),
            recipients: [other.publicIdentity.recipient])
        try expectRefused(next.path, exit: 10, naming: ["not sealed to this offline key"])
    }

    @Test func aStanzaMovedFromAnotherBundleFailsTheKeyCommitment() throws {
        let recipient = store.offline.publicIdentity.recipient
        let members = Fixtures.members(1, start: 9)
        let frames = Fixtures.frames(manifest: Fixtures.manifest(members: members, orders: []), records: members)
        // The donor: any bundle sealed to this host; its stanza opens to its own file key.
        let donor = BundleForge(chainID: Fixtures.chainID, recipients: [recipient], signer: store.packer.signer, payload: .init(frames: frames))
        let donorStanzas = donor.header().stanzas
        // The victim header carries the donor's stanza; the signature is made again (as only the packer key could).
        var forge = BundleForge(chainID: Fixtures.chainID, recipients: [recipient], signer: store.packer.signer, payload: .init(frames: frames))
        forge.sequence = 2
        forge.previousHash = first.hash
        forge.editHeader = { $0.stanzas = donorStanzas }
        let path = store.directory.write(forge.build(), to: "moved-stanza-2.airlock")
        try expectRefused(path, exit: 10, naming: ["key commitment", "stanza was swapped or altered"])
    }

    @Test func rejectionsAreInTheAuditLogAndChangeNothingElse() throws {
        _ = try store.run("import", try store.bundle(named: "rival.airlock", members: Fixtures.members(1, start: 70)).path)
        let log = try store.run("log", "--json")
        #expect(log.stdout.contains("\"event\" : \"reject\""))
        try expectUnchanged()
    }
}
