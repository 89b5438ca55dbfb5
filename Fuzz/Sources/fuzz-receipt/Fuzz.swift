import AirlockFormat
import Foundation
import FuzzSupport
import SodiumKit

/// A receipt file carried back to the online side: `Receipt.verify` against the fixture offline identity.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let text = String(decoding: fuzzInput(start, count), as: UTF8.self)
    let signer = FuzzKeys.offline.receiptSigner
    if let receipt = try? Receipt.verify(text, signer: signer.publicKey, source: "fuzz.receipt") {
        // An accepted receipt says what was signed: signing it again verifies too.
        require((try? Receipt.verify(receipt.signed(by: signer), signer: signer.publicKey, source: "again")) == receipt, "a re-signed receipt differs")
    }
    return 0
}

/// Seed: one receipt signed by the fixture offline identity.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(
    _ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?
) -> CInt {
    writeSeedsIfAsked { folder in
        let signer = FuzzKeys.offline.receiptSigner
        let receipt = Receipt(
            chainID: Array(0x10...0x1F), sequence: 2, bundleHash: Array(0x20..<0x40), members: 120, orders: 3456,
            importedAt: "2026-11-25T09:30:00Z", auditHead: Array(0x40..<0x60), signerKeyID: KeyID(signer.publicKey))
        try writeSeed(Array(receipt.signed(by: signer).utf8), named: "receipt-signed", in: folder)
    }
    return 0
}

/// The program's entry (see `runLibFuzzer`).
@_cdecl("fuzz_receipt_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv) { fuzzOneInput($0, $1) }
}
