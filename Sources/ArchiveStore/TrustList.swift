public import AirlockFormat
public import SodiumKit
import Foundation

/// The packer keys an archive accepts bundles from (`trust`): one `airlock-packer-1:` line per key, each after
/// a comment line naming its key id. Changes go through ``Archive/trust(_:)`` and ``Archive/distrust(_:)``,
/// which record them in the audit log.
public struct TrustList: Equatable, Sendable {
    /// The trusted keys, in the order they were added.
    public private(set) var keys: [SigningPublicKey]

    /// A list of `keys`.
    public init(keys: [SigningPublicKey]) { self.keys = keys }

    /// The key ids, in order.
    public var keyIDs: [KeyID] { keys.map { KeyID($0) } }

    /// The key with this id, if trusted.
    public func key(_ id: KeyID) -> SigningPublicKey? { keys.first { KeyID($0) == id } }

    mutating func add(_ key: SigningPublicKey) -> Bool {
        guard self.key(KeyID(key)) == nil else { return false }
        keys.append(key)
        return true
    }

    mutating func remove(_ id: KeyID) -> Bool {
        let before = keys.count
        keys.removeAll { KeyID($0) == id }
        return keys.count != before
    }

    /// Reads the `trust` file.
    static func read(_ layout: StoreLayout) throws(ArchiveError) -> TrustList {
        guard FileSystem.exists(layout.trust) else { throw .notAStore(path: layout.root, reason: "no trust file") }
        let text = String(decoding: try FileSystem.read(layout.trust), as: UTF8.self)
        var keys: [SigningPublicKey] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            do {
                keys.append(try PublicKeyText.parsePacker(trimmed, source: layout.trust))
            } catch {
                throw .notAStore(path: layout.root, reason: "line \(number + 1) of the trust file is not a packer key")
            }
        }
        return TrustList(keys: keys)
    }

    /// Writes the `trust` file atomically, mode 0600.
    func write(_ layout: StoreLayout) throws(ArchiveError) {
        var text = "# Airlock archive trust list: packer keys whose bundles this archive accepts.\n"
        text += "# Change it with 'airlock-unpack trust add|remove'; changes are recorded in the audit log.\n"
        for key in keys { text += "# key id \(KeyID(key))\n" + PublicKeyText.line(packer: key) + "\n" }
        try FileSystem.writeAtomically(Array(text.utf8), to: layout.trust)
    }
}
