import AirlockFormat
import Foundation
import PackKit
import SodiumKit
import TestSupport
import Testing

@Suite struct ReceiptGateTests {
    let offline = Fixtures.offline()

    /// A state folder with bundle 1 sent and its masked file waiting in pending/.
    func sentState(_ folder: TemporaryDirectory) throws -> (PackState, BundleEntry, ChainState) {
        let state = try PackState(directory: folder.file("state"))
        let chain = try state.chain()
        let entry = BundleEntry(
            sequence: 1, status: .sent, bundlePath: folder.file("b.airlock"), bundleHash: String(repeating: "ab", count: 32),
            createdAt: "2026-11-25T00:00:00Z", members: 3, orders: 2, maskedFiles: ["members.csv"], confirmedAt: nil)
        try FileManager.default.createDirectory(atPath: state.pendingFolder(1), withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: state.pendingFolder(1) + "/members.csv", contents: Data("m\n".utf8))
        try state.markSent(entry)
        return (state, entry, chain)
    }

    func receipt(chain: ChainState, sequence: UInt64 = 1, hash: String = String(repeating: "ab", count: 32),
        members: UInt64 = 3, orders: UInt64 = 2) -> String {
        Receipt(
            chainID: Hex.decode(chain.chainID)!, sequence: sequence, bundleHash: Hex.decode(hash)!, members: members,
            orders: orders, importedAt: "2026-11-26T00:00:00Z", auditHead: .init(repeating: 9, count: 32),
            signerKeyID: KeyID(offline.receiptSigner.publicKey)
        ).signed(by: offline.receiptSigner)
    }

    @Test func aMatchingReceiptReleasesThePendingFiles() throws {
        let folder = TemporaryDirectory()
        let (state, _, chain) = try sentState(folder)
        let outcome = try ReceiptGate.confirm(
            receiptText: receipt(chain: chain), source: "r", offlineReceiptKey: offline.receiptSigner.publicKey, state: state)
        #expect(outcome == .released(sequence: 1, folder: state.readyFolder(1), files: ["members.csv"]))
        #expect(FileManager.default.fileExists(atPath: state.readyFolder(1) + "/members.csv"))
        #expect(!FileManager.default.fileExists(atPath: state.pendingFolder(1)))
        #expect(try state.entry(1)?.status == .confirmed)
        let again = try ReceiptGate.confirm(
            receiptText: receipt(chain: chain), source: "r", offlineReceiptKey: offline.receiptSigner.publicKey, state: state)
        #expect(again == .alreadyConfirmed(sequence: 1, folder: state.readyFolder(1)))
    }

    @Test func aReceiptThatDoesNotMatchReleasesNothing() throws {
        let folder = TemporaryDirectory()
        let (state, _, chain) = try sentState(folder)
        let wrong = [
            receipt(chain: chain, hash: String(repeating: "cd", count: 32)),
            receipt(chain: chain, members: 2),
            receipt(chain: chain, sequence: 2),
            receipt(chain: ChainState(chainID: String(repeating: "0f", count: 16), lastSequence: 0, lastHash: "")),
        ]
        for text in wrong {
            #expect(throws: PackKitError.self) {
                try ReceiptGate.confirm(receiptText: text, source: "r", offlineReceiptKey: offline.receiptSigner.publicKey, state: state)
            }
        }
        #expect(FileManager.default.fileExists(atPath: state.pendingFolder(1) + "/members.csv"))
        #expect(try state.entry(1)?.status == .sent)
    }

    @Test func aForgedReceiptIsRefused() throws {
        let folder = TemporaryDirectory()
        let (state, _, chain) = try sentState(folder)
        let forged = receipt(chain: chain).replacingOccurrences(of: "members: 3", with: "members: 4")
        #expect(throws: ReceiptError.badSignature(source: "r")) {
            try ReceiptGate.confirm(receiptText: forged, source: "r", offlineReceiptKey: offline.receiptSigner.publicKey, state: state)
        }
        #expect(try state.entry(1)?.status == .sent)
    }

    @Test func theStateFolderLockIsExclusive() throws {
        let folder = TemporaryDirectory()
        let first = try PackState(directory: folder.path)
        let second = try PackState(directory: folder.path)
        try first.locked {
            #expect(throws: PackKitError.stateBusy(path: folder.path)) { try second.locked {} }
        }
        try second.locked {}
    }
}
