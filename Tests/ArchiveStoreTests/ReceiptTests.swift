import AirlockFormat
import ArchiveStore
import Foundation
import TestSupport
import Testing

@Suite struct ReceiptTests {
    @Test func theReceiptVerifiesWithTheOfflineReceiptKeyAndCountsTheRecords() throws {
        let fixture = try ArchiveFixture()
        let path = try fixture.chain().next(members: Fixtures.members(3), orders: Fixtures.orders(2))
        let summary = try fixture.importOK(path)
        #expect(summary.receiptPath == fixture.archive.layout.receipts + "/10111213-000001.receipt")
        let text = try String(contentsOfFile: summary.receiptPath, encoding: .utf8)
        let receipt = try Receipt.verify(text, signer: fixture.offline.publicIdentity.receiptSigner, source: "test")
        #expect(receipt.chainID == Fixtures.chainID)
        #expect(receipt.sequence == 1)
        #expect(Hex.encode(receipt.bundleHash) == summary.bundleHash)
        #expect(receipt.members == 3)
        #expect(receipt.orders == 2)
        #expect(receipt.importedAt == "2025-11-24T16:00:00Z")
        let importEntry = try #require(try fixture.archive.auditLog().last { $0.event == "import" })
        #expect(Hex.encode(receipt.auditHead) == importEntry.entryHash)
        #expect(try fixture.archive.auditHead() == importEntry.entryHash)
    }

    @Test func receiptsGoWhereAsked() throws {
        let fixture = try ArchiveFixture()
        let folder = fixture.directory.file("elsewhere")
        let outcome = try fixture.archive.importBundles(
            at: [try fixture.chain().next(members: Fixtures.members(1))], identity: fixture.offline,
            receiptsDirectory: folder)
        let summary = try outcome[0].result.get()
        #expect(summary.receiptPath.hasPrefix(folder + "/"))
        #expect(FileManager.default.fileExists(atPath: summary.receiptPath))
    }

    @Test func anotherOfflineKeyIsRefused() throws {
        let fixture = try ArchiveFixture()
        let path = try fixture.chain().next(members: Fixtures.members(1))
        #expect(throws: ArchiveError.self) {
            _ = try fixture.archive.importBundles(at: [path], identity: Fixtures.offline("someone-else"))
        }
    }
}
