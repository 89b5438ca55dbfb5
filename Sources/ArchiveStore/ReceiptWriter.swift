import AirlockFormat
import SodiumKit

/// Writes the signed receipt of an archived bundle: `<receipts>/<chain prefix>-<sequence>.receipt`, atomically,
/// mode 0600. Writing it again for the same bundle gives the same bytes (Ed25519 signatures are deterministic).
enum ReceiptWriter {
    static func write(for bundle: BundleRow, auditHead: String, identity: OfflineIdentity, folder: String)
        throws(ArchiveError) -> String
    {
        try FileSystem.makeDirectory(folder)
        let receipt = Receipt(
            chainID: Hex.decode(bundle.chainID) ?? [], sequence: UInt64(bundle.sequence),
            bundleHash: Hex.decode(bundle.bundleHash) ?? [], members: UInt64(bundle.members),
            orders: UInt64(bundle.orders), importedAt: bundle.importedAt, auditHead: Hex.decode(auditHead) ?? [],
            signerKeyID: KeyID(identity.receiptSigner.publicKey))
        let path = folder + "/" + StoreLayout.receiptFileName(chain: bundle.chainID, sequence: UInt64(bundle.sequence))
        try FileSystem.writeAtomically(Array(receipt.signed(by: identity.receiptSigner).utf8), to: path)
        return path
    }
}
