import AirlockFormat
import ArchiveStore
import Foundation
import TestSupport
import Testing

@Suite struct ChainRuleTests {
    @Test func bundlesInOrderAdvanceTheHead() throws {
        let fixture = try ArchiveFixture()
        let chain = fixture.chain()
        let first = try fixture.importOK(try chain.next(members: Fixtures.members(3)))
        let second = try fixture.importOK(try chain.next(orders: Fixtures.orders(2)))
        #expect(first.status == .newChain)
        #expect(second.status == .imported)
        let heads = try fixture.archive.chainHeads()
        #expect(heads.count == 1)
        #expect(heads.first?.sequence == 2)
        #expect(heads.first?.bundleHash == second.bundleHash)
        #expect(try fixture.archive.recordCounts() == (3, 2))
        #expect(fixture.storedFiles.count == 2)
    }

    @Test func aNewChainIsAcceptedAndNoted() throws {
        let fixture = try ArchiveFixture()
        try fixture.importOK(try fixture.chain().next(members: Fixtures.members(1)))
        let other = try fixture.importOK(try fixture.chain(Array(repeating: 0xAB, count: 16)).next(members: Fixtures.members(1, start: 5)))
        #expect(other.status == .newChain)
        #expect(try fixture.archive.chainHeads().count == 2)
        let last = try #require(try fixture.archive.auditLog().last)
        #expect(last.event == "import")
        #expect(last.details.contains("\"new_chain\":true"))
    }

    @Test func theSameBundleAgainIsANoOpThatReissuesTheReceipt() throws {
        let fixture = try ArchiveFixture()
        let path = try fixture.chain().next(members: Fixtures.members(2))
        let first = try fixture.importOK(path)
        let receipt = try String(contentsOfFile: first.receiptPath, encoding: .utf8)
        try FileManager.default.removeItem(atPath: first.receiptPath)
        let entries = try fixture.archive.auditLog().count
        let again = try fixture.importOK(path)
        #expect(again.status == .alreadyImported)
        #expect(again.bundleHash == first.bundleHash)
        #expect(try String(contentsOfFile: again.receiptPath, encoding: .utf8) == receipt)
        #expect(try fixture.archive.auditLog().count == entries)
        #expect(try fixture.archive.bundles().count == 1)
    }

    @Test func aDifferentBundleAtATakenSequenceIsAForkAndAudited() throws {
        let fixture = try ArchiveFixture()
        let chain = fixture.chain()
        try fixture.importOK(try chain.next(members: Fixtures.members(1)))
        let previous = chain.previousHash
        try fixture.importOK(try chain.next(members: Fixtures.members(2)))
        let rival = try chain.write(sequence: 2, previousHash: previous, members: Fixtures.members(3))
        let error = try fixture.importFailing(rival)
        guard case let .fork(_, chainID, sequence) = error else {
            Issue.record("expected a fork, got \(String(describing: error))")
            return
        }
        #expect(chainID == Hex.encode(Fixtures.chainID))
        #expect(sequence == 2)
        #expect(error?.description.contains("FORK") == true)
        let last = try #require(try fixture.archive.auditLog().last)
        #expect(last.event == "reject")
        #expect(last.details.contains("\"reason\":\"fork\""))
        #expect(try fixture.archive.chainHeads().first?.sequence == 2)

        let rivalFirst = try chain.write(sequence: 1, previousHash: Array(repeating: 0, count: 32), members: Fixtures.members(4))
        guard case .fork = try fixture.importFailing(rivalFirst) else {
            Issue.record("a second sequence 1 must be a fork")
            return
        }
    }

    @Test func aBundleThatDoesNotLinkToTheHeadIsRejected() throws {
        let fixture = try ArchiveFixture()
        let chain = fixture.chain()
        try fixture.importOK(try chain.next(members: Fixtures.members(1)))
        let stranger = try chain.write(sequence: 2, previousHash: Array(repeating: 7, count: 32), members: Fixtures.members(1))
        guard case .brokenLink(_, _, 2) = try fixture.importFailing(stranger) else {
            Issue.record("expected a broken link")
            return
        }
        #expect(try fixture.archive.auditLog().last?.details.contains("broken-link") == true)
    }

    @Test func aGapNamesTheMissingSequenceNumbers() throws {
        let fixture = try ArchiveFixture()
        let chain = fixture.chain()
        let first = try chain.next(members: Fixtures.members(1))
        try chain.next(members: Fixtures.members(2))
        try chain.next(members: Fixtures.members(3))
        let fourth = try chain.next(members: Fixtures.members(4))
        try fixture.importOK(first)
        let error = try fixture.importFailing(fourth)
        guard case let .gap(_, _, 4, missing) = error else {
            Issue.record("expected a gap, got \(String(describing: error))")
            return
        }
        #expect(missing == 2...3)
        #expect(error?.description.contains("bundles 2…3") == true)
        let last = try #require(try fixture.archive.auditLog().last)
        #expect(last.details.contains("\"missing\":[2,3]"))

        let lonely = fixture.chain(Array(repeating: 0xCD, count: 16))
        try lonely.next()
        let fromNowhere = try lonely.write(sequence: 2, previousHash: lonely.previousHash, members: Fixtures.members(1))
        guard case .gap(_, _, 2, 1...1) = try fixture.importFailing(fromNowhere) else {
            Issue.record("a chain's first bundle must be sequence 1")
            return
        }
    }

    @Test func severalBundlesAreImportedInChainOrder() throws {
        let fixture = try ArchiveFixture()
        let chain = fixture.chain()
        let one = try chain.next(members: Fixtures.members(1))
        let two = try chain.next(members: Fixtures.members(2))
        let three = try chain.next(members: Fixtures.members(3))
        let outcomes = try fixture.importing(three, one, two)
        #expect(outcomes.map(\.path) == [one, two, three])
        let summaries = try outcomes.map { try $0.result.get() }
        #expect(summaries.map(\.sequence) == [1, 2, 3])
        #expect(summaries.map(\.status) == [.newChain, .imported, .imported])
    }

    @Test func anUntrustedSignerIsRejectedAndAudited() throws {
        let fixture = try ArchiveFixture()
        let intruder = Fixtures.packer("intruder")
        let path = try fixture.chain(signer: intruder).next(members: Fixtures.members(1))
        guard case let .untrustedSigner(_, keyID) = try fixture.importFailing(path) else {
            Issue.record("expected an untrusted signer")
            return
        }
        #expect(keyID == KeyID(intruder.publicKey))
        #expect(try fixture.archive.auditLog().last?.details.contains("untrusted-signer") == true)
        #expect(try fixture.archive.bundles().isEmpty)

        #expect(try fixture.archive.trust(intruder.publicKey))
        #expect(try fixture.importOK(path).status == .newChain)
    }
}
