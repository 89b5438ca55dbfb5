public import AirlockFormat
public import SodiumKit
public import Foundation
import GRDB

/// The offline host's append-only archive: a folder holding every accepted bundle verbatim (the source of
/// truth), the trust list, and an index database derived from the bundles plus the hash-chained audit log.
///
/// There is no update or delete API; the schema's triggers refuse both as well (`Spec/archive.md`).
public final class Archive: Sendable {
    /// The store's folder and files.
    public let layout: StoreLayout
    /// The store's settings.
    public let config: StoreConfig
    let queue: DatabaseQueue
    let clock: @Sendable () -> Date

    private init(layout: StoreLayout, config: StoreConfig, queue: DatabaseQueue, clock: @escaping @Sendable () -> Date) {
        self.layout = layout
        self.config = config
        self.queue = queue
        self.clock = clock
    }

    /// Creates a new store: the folder (0700), `bundles/`, `trust`, `config.json`, and `archive.sqlite` with an
    /// `init` audit entry. The secret key stays where it is: the store records its path and key ids.
    ///
    /// - Parameters:
    ///   - root: a folder that does not exist yet (or is empty).
    ///   - offlineKeyPath: where the offline secret key file is kept (made absolute).
    ///   - identity: the offline identity's public half, to pin the key ids.
    ///   - trusted: the packer keys to trust from the start.
    ///   - clock: the time source (tests fix it).
    /// - Throws: ``ArchiveError/storeExists(path:)`` when the folder holds anything.
    public static func create(
        at root: String, offlineKeyPath: String, identity: OfflinePublicIdentity, trusting trusted: [SigningPublicKey],
        clock: @escaping @Sendable () -> Date = { Date() }
    ) throws(ArchiveError) -> Archive {
        let layout = StoreLayout(root: root)
        if FileSystem.exists(layout.root) {
            let contents = (try? FileManager.default.contentsOfDirectory(atPath: layout.root)) ?? ["?"]
            guard FileSystem.isDirectory(layout.root), contents.isEmpty else { throw .storeExists(path: layout.root) }
        }
        try FileSystem.makeDirectory(layout.root)
        try FileSystem.makeDirectory(layout.bundles)
        let keyPath = offlineKeyPath.hasPrefix("/")
            ? offlineKeyPath : FileManager.default.currentDirectoryPath + "/" + offlineKeyPath
        let config = StoreConfig(offlineKeyPath: keyPath, identity: identity)
        try config.write(layout)
        var list = TrustList(keys: [])
        for key in trusted { _ = list.add(key) }
        try list.write(layout)
        let queue = try DatabaseAccess.open(path: layout.database, create: true)
        let archive = Archive(layout: layout, config: config, queue: queue, clock: clock)
        try archive.audit(.initialized, [
            "offline_key_id": .string(config.offlineKeyID), "receipt_key_id": .string(config.receiptKeyID),
            "trusted": .array(list.keyIDs.map { .string($0.description) }),
        ])
        return archive
    }

    /// Opens an existing store.
    ///
    /// - Throws: ``ArchiveError/notAStore(path:reason:)`` when a part is missing.
    public static func open(at root: String, clock: @escaping @Sendable () -> Date = { Date() }) throws(ArchiveError)
        -> Archive
    {
        let layout = StoreLayout(root: root)
        guard FileSystem.isDirectory(layout.root) else { throw .notAStore(path: layout.root, reason: "no such folder") }
        let config = try StoreConfig.read(layout)
        guard FileSystem.isDirectory(layout.bundles) else { throw .notAStore(path: layout.root, reason: "no bundles/ folder") }
        let queue = try DatabaseAccess.open(path: layout.database, create: false)
        return Archive(layout: layout, config: config, queue: queue, clock: clock)
    }

    /// The current time as the audit log and receipts write it.
    var now: String { Timestamp.rfc3339(clock()) }

    /// Appends one audit entry in its own transaction.
    @discardableResult
    func audit(_ event: AuditEntry.Event, _ details: [String: AuditValue]) throws(ArchiveError) -> AuditEntry {
        let time = now
        return try DatabaseAccess.wrap {
            AuditEntry(try queue.write { db in try AuditChain.append(event, details: details, time: time, in: db) })
        }
    }

    /// Fails unless `identity` is the offline identity this store was created for.
    public func checkIdentity(_ identity: OfflinePublicIdentity) throws(ArchiveError) {
        try config.check(identity)
    }
}

extension Archive {
    /// Runs SQL on the index database with no checks of ours: for tests that prove the schema's own defences
    /// (append-only triggers) and that `check` catches tampering. Not part of the public API.
    package func executeUncheckedSQL(_ sql: String) throws {
        try queue.writeWithoutTransaction { db in try db.execute(sql: sql) }
    }
}
