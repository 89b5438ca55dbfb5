public import AirlockFormat
import Foundation
import GRDB

extension Archive {
    /// Re-verifies the archive: every stored bundle's signature (with the key stored beside it) and header,
    /// each chain's linkage, the audit log's hash chain, and that the index matches the bundles — by replaying
    /// every bundle into a scratch database inside the store (mode 0600, removed afterwards) and comparing
    /// records, versions, revisions and lookup keys both ways.
    ///
    /// - Parameter identity: the offline identity, to decrypt the bundles again.
    /// - Returns: the report; it names what is wrong rather than throwing.
    public func check(identity: OfflineIdentity) throws(ArchiveError) -> CheckReport {
        try checkIdentity(identity.publicIdentity)
        var report = CheckReport()
        let rows = try DatabaseAccess.wrap {
            try queue.read { db in try BundleRow.order(BundleRow.Columns.id).fetchAll(db) }
        }
        let trust = try trustList()
        var stored: [StoredBundle] = []
        for row in rows {
            report.bundlesChecked += 1
            if let bundle = checkBundle(row, trust: trust, report: &report) { stored.append(bundle) }
        }
        checkChains(rows, report: &report)
        checkFiles(rows, report: &report)
        try checkAuditLog(rows, report: &report)
        if stored.count == rows.count {
            try compareIndex(replaying: stored, identity: identity, report: &report)
        } else {
            report.problems.append("the index was not compared with the bundles, because some bundles failed")
        }
        return report
    }

    private func checkBundle(_ row: BundleRow, trust: TrustList, report: inout CheckReport) -> StoredBundle? {
        guard let signer = try? PublicKeyText.parsePacker(row.signerKey, source: "archive.sqlite") else {
            report.problems.append("\(row.fileName): the stored signer key is unreadable")
            return nil
        }
        if trust.key(KeyID(signer)) == nil {
            report.notes.append("\(row.fileName): signed by \(KeyID(signer)), which is no longer on the trust list")
        }
        let bundle: StoredBundle
        do { bundle = try StoredBundle.load(name: row.fileName, signer: signer, layout: layout) } catch {
            report.problems.append("\(row.fileName) (chain \(row.chainID) bundle \(row.sequence)): \(error.description)")
            return nil
        }
        if bundle.path != layout.bundle(named: row.fileName) {
            report.notes.append("\(row.fileName): only its partial copy exists (a crash interrupted the rename); "
                + "the next import completes it")
        }
        let header = bundle.verified.header
        if Hex.encode(bundle.verified.bundleHash) != row.bundleHash || Hex.encode(header.chainID) != row.chainID
            || header.sequence != UInt64(row.sequence) || Hex.encode(header.previousHash) != row.previousHash
        {
            report.problems.append("\(row.fileName): the file is not the bundle the index records at chain \(row.chainID) bundle \(row.sequence)")
            return nil
        }
        return bundle
    }

    private func checkChains(_ rows: [BundleRow], report: inout CheckReport) {
        for (chain, members) in Dictionary(grouping: rows, by: \.chainID).sorted(by: { $0.key < $1.key }) {
            var previous = Schema.zeroHash
            for (index, row) in members.sorted(by: { $0.sequence < $1.sequence }).enumerated() {
                if row.sequence != Int64(index + 1) {
                    report.problems.append("chain \(chain): bundle \(index + 1) is missing (next is \(row.sequence))")
                    break
                }
                if row.previousHash != previous {
                    report.problems.append("chain \(chain): bundle \(row.sequence) does not link to bundle \(row.sequence - 1)")
                }
                previous = row.bundleHash
            }
        }
    }

    private func checkFiles(_ rows: [BundleRow], report: inout CheckReport) {
        let known = Set(rows.map(\.fileName))
        for name in BundleFiles.finals(layout) where !known.contains(name) {
            report.notes.append("bundles/\(name) is not in the index (run 'rebuild' to take it in, or remove it)")
        }
        for partial in BundleFiles.partials(layout) {
            let name = String(partial.dropFirst().dropLast(".partial".count))
            if !known.contains(name) {
                report.notes.append("bundles/\(partial) is left over from an import that did not commit; the next import removes it")
            }
        }
    }

    private func checkAuditLog(_ rows: [BundleRow], report: inout CheckReport) throws(ArchiveError) {
        try DatabaseAccess.wrap {
            try queue.read { db in
                report.auditEntriesChecked = try AuditRow.fetchCount(db)
                if let broken = try AuditChain.firstBreak(in: db) {
                    report.problems.append("audit log entry \(broken.seq): \(broken.reason)")
                }
                let imports = AuditIndex(rows: try AuditRow.fetchAll(db))
                for row in rows where imports.importEntry(bundleHash: row.bundleHash)?.seq != row.auditSeq {
                    report.problems.append("\(row.fileName): its audit entry \(row.auditSeq) does not record its import")
                }
            }
        }
    }

    private func compareIndex(replaying bundles: [StoredBundle], identity: OfflineIdentity, report: inout CheckReport)
        throws(ArchiveError)
    {
        let scratch = layout.root + "/.check-\(ProcessInfo.processInfo.processIdentifier).sqlite"
        FileSystem.remove(scratch)
        defer {
            FileSystem.remove(scratch)
            FileSystem.remove(scratch + "-journal")
        }
        let replay = try DatabaseAccess.open(path: scratch, create: true)
        do {
            try Replayer.replay(bundles, identity: identity, into: replay) { bundle in
                (.imported(newChain: false, file: bundle.name), "")
            }
        } catch {
            report.problems.append("replaying the bundles failed: \(DatabaseAccess.mapped(error).description)")
            return
        }
        try? replay.close()
        try DatabaseAccess.wrap {
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "ATTACH DATABASE ? AS replay", arguments: [scratch])
                defer { try? db.execute(sql: "DETACH DATABASE replay") }
                report.recordsCompared = try Int.fetchOne(db, sql: "SELECT count(*) FROM replay.records") ?? 0
                for query in IndexComparison.queries {
                    for label in try String.fetchAll(db, sql: query("replay", "main") + " LIMIT 10") {
                        report.problems.append("\(label) is in the stored bundles but missing from the index")
                    }
                    for label in try String.fetchAll(db, sql: query("main", "replay") + " LIMIT 10") {
                        report.problems.append("\(label) is in the index but not in the stored bundles (altered or stale)")
                    }
                }
            }
        }
    }
}
