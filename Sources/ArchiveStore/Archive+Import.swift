public import AirlockFormat
import BundleOpening
import Foundation
import GRDB

extension Archive {
    /// Imports bundles in the spec's acceptance order, each in one transaction, and writes a receipt for each.
    ///
    /// Bundles are taken in (chain, sequence) order whatever order they are given in; those whose header cannot
    /// be parsed are rejected first. Each rejection is recorded in the audit log (in its own transaction) and
    /// leaves the archive as it was.
    ///
    /// - Parameters:
    ///   - paths: bundle files.
    ///   - identity: the offline identity (must be this store's).
    ///   - receiptsDirectory: where receipts go; default `receipts/` in the store.
    /// - Returns: one outcome per path, in the order they were processed.
    public func importBundles(at paths: [String], identity: OfflineIdentity, receiptsDirectory: String? = nil)
        throws(ArchiveError) -> [ImportOutcome]
    {
        try checkIdentity(identity.publicIdentity)
        let lock = try StoreLock(layout)
        defer { withExtendedLifetime(lock) {} }
        try BundleFiles.recoverPartials(layout: layout, queue: queue)
        var outcomes: [ImportOutcome] = []
        var ready: [(path: String, header: BundleHeader)] = []
        for path in paths {
            do {
                ready.append((path, try BundleVerifier.readHeader(path: path)))
            } catch {
                outcomes.append(ImportOutcome(path: path, result: .failure(reject(.bundleRejected(path: path, error), path: path, header: nil))))
            }
        }
        ready.sort { first, second in
            first.header.chainID == second.header.chainID
                ? first.header.sequence < second.header.sequence
                : first.header.chainID.lexicographicallyPrecedes(second.header.chainID)
        }
        for (path, header) in ready {
            do {
                let summary = try importBundle(
                    path: path, header: header, identity: identity, receipts: receiptsDirectory ?? layout.receipts)
                outcomes.append(ImportOutcome(path: path, result: .success(summary)))
            } catch {
                outcomes.append(ImportOutcome(path: path, result: .failure(reject(error, path: path, header: header))))
            }
        }
        return outcomes
    }

    /// Records a rejection in the audit log; returns the error (or the logging error if logging failed).
    private func reject(_ error: ArchiveError, path: String, header: BundleHeader?) -> ArchiveError {
        var details: [String: AuditValue] = [
            "file": .string(String(path.split(separator: "/").last ?? "")), "reason": .string(error.code),
        ]
        if let header {
            details["chain"] = .string(Hex.encode(header.chainID))
            details["sequence"] = .int(Int64(header.sequence))
            details["signer_key_id"] = .string(header.signerKeyID.description)
        }
        if case let .gap(_, _, _, missing) = error {
            details["missing"] = .array([.int(Int64(missing.lowerBound)), .int(Int64(missing.upperBound))])
        }
        do {
            try audit(.rejected, details)
            return error
        } catch {
            return error
        }
    }

    private func importBundle(path: String, header: BundleHeader, identity: OfflineIdentity, receipts: String)
        throws(ArchiveError) -> ImportSummary
    {
        let trust = try trustList()
        guard let signer = trust.key(header.signerKeyID) else {
            throw .untrustedSigner(path: path, keyID: header.signerKeyID)
        }
        let verified: VerifiedBundle
        do { verified = try BundleVerifier.verify(path: path, trustedSigners: [signer]) } catch {
            throw .bundleRejected(path: path, error)
        }
        let bundleHash = Hex.encode(verified.bundleHash)
        let position = try DatabaseAccess.wrap {
            try queue.read { db in try ChainPosition.decide(for: header, bundleHash: bundleHash, path: path, in: db) }
        }
        if case let .alreadyImported(row) = position {
            let head = try auditHash(seq: row.auditSeq)
            let receipt = try ReceiptWriter.write(for: row, auditHead: head, identity: identity, folder: receipts)
            return summary(of: row, path: path, status: .alreadyImported, receipt: receipt)
        }

        let fileName = StoreLayout.bundleFileName(chain: Hex.encode(header.chainID), sequence: header.sequence)
        let staged = try StagedBundleFile(copying: path, to: layout.bundle(named: fileName))
        let copy: VerifiedBundle
        do { copy = try BundleVerifier.verify(path: staged.partialPath, trustedSigners: [signer]) } catch {
            throw .bundleRejected(path: path, error)
        }
        guard copy.bundleHash == verified.bundleHash else { throw .bundleRejected(path: path, .changedDuringRead) }

        let importedAt = now
        let row: BundleRow
        let auditHead: String
        do {
            (row, auditHead) = try queue.write { db in
                // Decided again inside the write transaction: nothing can have moved the chain in between.
                guard try ChainPosition.decide(for: header, bundleHash: bundleHash, path: path, in: db) == position else {
                    throw ArchiveError.database("the chain changed during the import; import again")
                }
                return try BundleReplay.ingest(
                    copy, identity: identity, fileName: fileName, signer: signer, importedAt: importedAt,
                    audit: .imported(newChain: position == .newChain, file: String(path.split(separator: "/").last ?? "")),
                    in: db)
            }
        } catch let error as FormatError {
            throw .bundleRejected(path: path, error)
        } catch let error as ArchiveError {
            throw error
        } catch {
            throw DatabaseAccess.mapped(error)
        }
        try staged.publish()
        let receipt = try ReceiptWriter.write(for: row, auditHead: auditHead, identity: identity, folder: receipts)
        return summary(of: row, path: path, status: position == .newChain ? .newChain : .imported, receipt: receipt)
    }

    func auditHash(seq: Int64) throws(ArchiveError) -> String {
        try DatabaseAccess.wrap {
            try queue.read { db in try String.fetchOne(db, sql: "SELECT entry_hash FROM audit_log WHERE seq = ?", arguments: [seq]) }
                ?? Schema.zeroHash
        }
    }

    private func summary(of row: BundleRow, path: String, status: ImportSummary.Status, receipt: String) -> ImportSummary {
        ImportSummary(
            path: path, status: status, chain: row.chainID, sequence: UInt64(row.sequence), bundleHash: row.bundleHash,
            members: UInt64(row.members), orders: UInt64(row.orders), newRecords: row.newRecords,
            changedRecords: row.changedRecords, unchangedRecords: row.unchangedRecords, importedAt: row.importedAt,
            receiptPath: receipt)
    }
}
