import AirlockFormat
import Foundation
import SodiumKit
#if canImport(Glibc)
import Glibc
#endif

/// The online side's state folder: the chain, each bundle's status, and the masked re-exports waiting for
/// (`pending/`) or released by (`ready/`) a receipt. Every change is a whole-file atomic write made while
/// holding an exclusive `flock` on `STATE/lock`, so two packs can never take the same sequence number.
public final class PackState {
    /// The state folder.
    public let directory: String
    private var lockDescriptor: Int32 = -1

    /// Opens (creating if needed, mode 0700) the state folder.
    public init(directory: String) throws(PackKitError) {
        self.directory = directory
        for folder in [directory, directory + "/bundles", directory + "/pending", directory + "/ready", directory + "/receipts"] {
            do {
                try FileManager.default.createDirectory(
                    atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw .stateUnreadable(path: folder, reason: "cannot create the folder")
            }
        }
    }

    deinit { unlock() }

    /// Runs `body` holding the state folder's exclusive lock; fails at once if another process holds it.
    @discardableResult
    public func locked<T>(_ body: () throws -> T) throws -> T {
        let path = directory + "/lock"
        let descriptor = open(path, O_RDWR | O_CREAT, 0o600)
        guard descriptor >= 0 else { throw PackKitError.stateUnreadable(path: path, reason: "cannot open the lock file") }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw PackKitError.stateBusy(path: directory)
        }
        lockDescriptor = descriptor
        defer { unlock() }
        return try body()
    }

    private func unlock() {
        guard lockDescriptor >= 0 else { return }
        flock(lockDescriptor, LOCK_UN)
        close(lockDescriptor)
        lockDescriptor = -1
    }

    // MARK: - Chain

    /// The chain, made with a fresh random id on first use.
    public func chain() throws -> ChainState {
        if let existing: ChainState = try read(directory + "/chain.json") { return existing }
        let fresh = ChainState(chainID: Hex.encode(Random.bytes(16)), lastSequence: 0, lastHash: String(repeating: "0", count: 64))
        try write(fresh, to: directory + "/chain.json")
        return fresh
    }

    // MARK: - Entries

    /// Every bundle entry, oldest first.
    public func entries() throws -> [BundleEntry] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory + "/bundles")) ?? []
        return try names.filter { $0.hasSuffix(".json") }.sorted().compactMap { name in
            try read(directory + "/bundles/" + name) as BundleEntry?
        }
    }

    /// The entry of bundle `sequence`, if any.
    public func entry(_ sequence: UInt64) throws -> BundleEntry? {
        try read(entryPath(sequence))
    }

    /// Saves an entry (atomically replacing the previous version).
    public func save(_ entry: BundleEntry) throws {
        try write(entry, to: entryPath(entry.sequence))
    }

    /// Records that bundle `entry` was sent and advances the chain to it.
    public func markSent(_ entry: BundleEntry) throws {
        precondition(entry.status == .sent && entry.bundleHash != nil)
        try save(entry)
        var chain = try chain()
        chain.lastSequence = entry.sequence
        chain.lastHash = entry.bundleHash!
        try write(chain, to: directory + "/chain.json")
    }

    /// Forgets a reservation whose bundle never appeared, and the masked files written for it.
    public func abandon(_ entry: BundleEntry) throws {
        precondition(entry.status == .reserved)
        try? FileManager.default.removeItem(atPath: pendingFolder(entry.sequence))
        try FileManager.default.removeItem(atPath: entryPath(entry.sequence))
    }

    // MARK: - Paths

    /// `STATE/pending/NNNNNNNN`: the masked re-export of a sent bundle.
    public func pendingFolder(_ sequence: UInt64) -> String { directory + "/pending/" + Self.name(sequence) }
    /// `STATE/ready/NNNNNNNN`: the masked re-export released by a receipt.
    public func readyFolder(_ sequence: UInt64) -> String { directory + "/ready/" + Self.name(sequence) }
    /// `STATE/receipts/NNNNNNNN.receipt`: the receipt that confirmed a bundle.
    public func receiptPath(_ sequence: UInt64) -> String { directory + "/receipts/" + Self.name(sequence) + ".receipt" }

    func entryPath(_ sequence: UInt64) -> String { directory + "/bundles/" + Self.name(sequence) + ".json" }

    /// Eight-digit, zero-padded sequence numbers sort in order as file names.
    public static func name(_ sequence: UInt64) -> String {
        let digits = String(sequence)
        return String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }

    // MARK: - JSON files

    private func read<T: Decodable>(_ path: String) throws -> T? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        do { return try JSONDecoder().decode(T.self, from: data) } catch {
            throw PackKitError.stateUnreadable(path: path, reason: "not valid state JSON")
        }
    }

    private func write(_ value: some Encodable, to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value) + Data("\n".utf8)
        let file = try AtomicFileWriter(path: path, mode: 0o600, overwrite: true)
        try file.write(Array(data))
        try file.commit()
    }
}
