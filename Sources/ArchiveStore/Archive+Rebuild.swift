public import AirlockFormat
public import Foundation
import SodiumKit
import GRDB

extension Archive {
    /// Rebuilds the index database from the stored bundles into a new file, then atomically replaces the old one.
    ///
    /// The audit log is the one thing the bundles cannot give back, so it is carried over verbatim from the old
    /// database when that can be read (its import entries also give each bundle its original import time and
    /// its receipt's audit head); a `rebuild` entry is appended. When the old database cannot be read, the new
    /// log starts with the rebuild, each bundle gets a fresh `import` entry marked `recovered`, and bundles are
    /// replayed in (chain, sequence) order.
    ///
    /// - Parameters:
    ///   - root: the store folder; its `archive.sqlite` may be missing or unreadable.
    ///   - identity: the offline identity (must be the store's): bundles are decrypted again.
    public static func rebuild(
        at root: String, identity: OfflineIdentity, clock: @escaping @Sendable () -> Date = { Date() }
    ) throws(ArchiveError) -> RebuildSummary {
        let layout = StoreLayout(root: root)
        let config = try StoreConfig.read(layout)
        try config.check(identity.publicIdentity)
        let trust = try TrustList.read(layout)
        let lock = try StoreLock(layout)
        defer { withExtendedLifetime(lock) {} }

        // What the old database still tells: the audit log, the import order, each bundle's signer.
        var auditRows: [AuditRow] = []
        var oldRows: [BundleRow] = []
        var readable = false
        if FileSystem.exists(layout.database), let old = try? DatabaseAccess.open(path: layout.database, create: false) {
            if let (audit, bundles) = try? old.read({ db in
                (try AuditRow.order(AuditRow.Columns.seq).fetchAll(db), try BundleRow.order(BundleRow.Columns.id).fetchAll(db))
            }) {
                (auditRows, oldRows, readable) = (audit, bundles, true)
            }
            try? old.close()
        }
        let bundles = try storedBundles(layout: layout, known: oldRows, trust: trust)

        FileSystem.remove(layout.rebuildDatabase)
        FileSystem.remove(layout.rebuildDatabase + "-journal")
        let fresh = try DatabaseAccess.open(path: layout.rebuildDatabase, create: true)
        let time = Timestamp.rfc3339(clock())
        let imports = AuditIndex(rows: auditRows)
        return try DatabaseAccess.wrap {
            try fresh.write { db in for row in auditRows { try row.insert(db) } }
            try Replayer.replay(bundles, identity: identity, into: fresh) { bundle in
                if let entry = imports.importEntry(bundleHash: Hex.encode(bundle.verified.bundleHash)) {
                    return (.existing(seq: entry.seq, hash: entry.entryHash), entry.time)
                }
                return (.imported(newChain: bundle.verified.header.sequence == 1, file: "recovered by rebuild"), time)
            }
            let counts = try fresh.write { db in
                let members = try RecordRow.filter(RecordRow.Columns.kind == "member").fetchCount(db)
                let orders = try RecordRow.filter(RecordRow.Columns.kind == "order").fetchCount(db)
                _ = try AuditChain.append(.rebuilt, details: [
                    "bundles": .int(Int64(bundles.count)), "carried_entries": .int(Int64(auditRows.count)),
                    "previous_log": .string(readable ? "carried" : "unreadable"),
                    "members": .int(Int64(members)), "orders": .int(Int64(orders)),
                ], time: time, in: db)
                return (members, orders)
            }
            try fresh.close()
            try FileSystem.rename(layout.rebuildDatabase, to: layout.database)
            return RebuildSummary(
                bundles: bundles.count, carriedAuditEntries: auditRows.count, previousDatabaseReadable: readable,
                members: counts.0, orders: counts.1)
        }
    }

    /// The stored bundles, verified: first those the old database knew, in its import order, with the signer
    /// key it kept; then any other file in `bundles/`, in (chain, sequence) order, verified with the trust list.
    static func storedBundles(layout: StoreLayout, known: [BundleRow], trust: TrustList) throws(ArchiveError)
        -> [StoredBundle]
    {
        var result: [StoredBundle] = []
        var seen = Set<String>()
        for row in known {
            guard let signer = try? PublicKeyText.parsePacker(row.signerKey, source: "archive.sqlite") else {
                throw .notAStore(path: layout.database, reason: "the signer key of \(row.fileName) is unreadable")
            }
            result.append(try StoredBundle.load(name: row.fileName, signer: signer, layout: layout))
            seen.insert(row.fileName)
        }
        var others: [StoredBundle] = []
        for name in BundleFiles.finals(layout) where !seen.contains(name) {
            let path = layout.bundle(named: name)
            let header: BundleHeader
            do { header = try BundleVerifier.readHeader(path: path) } catch { throw .bundleRejected(path: path, error) }
            guard let signer = trust.key(header.signerKeyID) else {
                throw .untrustedSigner(path: path, keyID: header.signerKeyID)
            }
            others.append(try StoredBundle.load(name: name, signer: signer, layout: layout))
        }
        others.sort { first, second in
            let (a, b) = (first.verified.header, second.verified.header)
            return a.chainID == b.chainID ? a.sequence < b.sequence : a.chainID.lexicographicallyPrecedes(b.chainID)
        }
        return result + others
    }
}

/// The carried-over audit log's import entries, by bundle hash.
struct AuditIndex {
    private var byBundle: [String: AuditRow] = [:]

    init(rows: [AuditRow]) {
        for row in rows where row.event == AuditEntry.Event.imported.rawValue {
            if let data = row.details.data(using: .utf8),
                let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                let hash = object["bundle_hash"] as? String
            {
                byBundle[hash] = row
            }
        }
    }

    func importEntry(bundleHash: String) -> AuditRow? { byBundle[bundleHash] }
}
