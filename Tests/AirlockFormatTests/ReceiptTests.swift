import AirlockFormat
import Foundation
import SodiumKit
import TestSupport
import Testing

@Suite struct ReceiptTests {
    let offline = Fixtures.offline()

    var receipt: Receipt {
        Receipt(
            chainID: Fixtures.chainID, sequence: 7, bundleHash: .init(repeating: 0xAB, count: 32), members: 12,
            orders: 30, importedAt: "2026-11-25T08:00:00Z", auditHead: .init(repeating: 0x01, count: 32),
            signerKeyID: KeyID(offline.receiptSigner.publicKey))
    }

    @Test func aSignedReceiptVerifies() throws {
        let text = receipt.signed(by: offline.receiptSigner)
        #expect(try Receipt.verify(text, signer: offline.receiptSigner.publicKey, source: "r") == receipt)
        #expect(text.hasPrefix("airlock-receipt/1\n"))
    }

    @Test(arguments: [
        ("sequence: 7", "sequence: 8"), ("members: 12", "members: 13"), ("orders: 30", "orders: 31"),
        ("imported-at: 2026-11-25T08:00:00Z", "imported-at: 2026-11-25T09:00:00Z"),
    ])
    func anEditedFieldBreaksTheSignature(_ line: String, _ replacement: String) throws {
        let text = receipt.signed(by: offline.receiptSigner)
        let edited = text.replacingOccurrences(of: line, with: replacement)
        #expect(edited != text)
        #expect(throws: ReceiptError.badSignature(source: "r")) {
            try Receipt.verify(edited, signer: offline.receiptSigner.publicKey, source: "r")
        }
    }

    @Test func anotherHostsReceiptIsNotTrusted() {
        let other = Fixtures.offline("other")
        var foreign = receipt
        foreign.signerKeyID = KeyID(other.receiptSigner.publicKey)
        let text = foreign.signed(by: other.receiptSigner)
        #expect(throws: ReceiptError.unknownSigner(source: "r", keyID: foreign.signerKeyID)) {
            try Receipt.verify(text, signer: offline.receiptSigner.publicKey, source: "r")
        }
    }

    @Test(arguments: ["", "airlock-receipt/2\n", "hello\nworld\n"])
    func malformedTextIsRefused(_ text: String) {
        #expect(throws: ReceiptError.self) { try Receipt.verify(text, signer: offline.receiptSigner.publicKey, source: "r") }
    }

    @Test func crlfLineEndingsAreRefused() {
        let text = receipt.signed(by: offline.receiptSigner).replacingOccurrences(of: "\n", with: "\r\n")
        #expect(throws: ReceiptError.malformed(source: "r", reason: "lines must end in a single LF")) {
            try Receipt.verify(text, signer: offline.receiptSigner.publicKey, source: "r")
        }
    }
}
