import AirlockFormat
import BundleOpening
import SodiumKit
import GRDB
import Pipeline

/// The body of an import transaction, shared by `import` and `rebuild`: decrypt the verified bundle, add its
/// records as they are read (bounded memory: nothing is collected), then the audit entry and the bundle's row.
/// Any error — a corrupt chunk, a manifest count mismatch, a constraint — rolls the whole transaction back.
enum BundleReplay {
    /// Which audit entry the bundle's row points to.
    enum AuditMode {
        /// A fresh import: append an `import` entry.
        case imported(newChain: Bool, file: String)
        /// A rebuild: the import entry already exists in the carried-over log.
        case existing(seq: Int64, hash: String)
    }

    static func ingest(
        _ verified: VerifiedBundle, identity: OfflineIdentity, fileName: String, signer: SigningPublicKey,
        importedAt: String, audit: AuditMode, in db: Database
    ) throws -> (BundleRow, String) {
        let bundleID = (try Int64.fetchOne(db, sql: "SELECT ifnull(max(id), 0) + 1 FROM bundles")) ?? 1
        let reader = try BundleContentsReader(verified: verified, recipient: identity.recipient)
        let ingester = try RecordIngester(db: db, bundleID: bundleID)
        let preparation = BatchedProducer(preparing: reader)
        defer { preparation.stop() }
        while let batch = try preparation.next() {
            for record in batch { try ingester.ingest(record) }
        }
        try ingester.finish()
        let header = verified.header
        let chain = Hex.encode(header.chainID)
        let bundleHash = Hex.encode(verified.bundleHash)
        let counts = reader.manifest.counts
        let auditSeq: Int64
        let auditHash: String
        switch audit {
        case let .imported(newChain, file):
            let entry = try AuditChain.append(.imported, details: [
                "chain": .string(chain), "sequence": .int(Int64(header.sequence)), "bundle_hash": .string(bundleHash),
                "signer_key_id": .string(header.signerKeyID.description), "file": .string(file),
                "stored_as": .string(fileName), "new_chain": .bool(newChain),
                "members": .int(Int64(counts.members)), "orders": .int(Int64(counts.orders)),
                "new_records": .int(ingester.newRecords), "changed_records": .int(ingester.changedRecords),
                "unchanged_records": .int(ingester.unchangedRecords),
            ], time: importedAt, in: db)
            auditSeq = entry.seq
            auditHash = entry.entryHash
        case let .existing(seq, hash):
            auditSeq = seq
            auditHash = hash
        }
        let row = BundleRow(
            id: bundleID, chainID: chain, sequence: Int64(header.sequence), bundleHash: bundleHash,
            previousHash: Hex.encode(header.previousHash), signerKeyID: header.signerKeyID.description,
            signerKey: PublicKeyText.line(packer: signer), createdAt: header.createdAt, importedAt: importedAt,
            fileName: fileName, byteCount: Int64(verified.byteCount), members: Int64(counts.members),
            orders: Int64(counts.orders), newRecords: ingester.newRecords, changedRecords: ingester.changedRecords,
            unchangedRecords: ingester.unchangedRecords, auditSeq: auditSeq)
        try row.insert(db)
        return (row, auditHash)
    }
}
