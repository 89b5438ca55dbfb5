public import AirlockFormat
import Foundation

/// The store's settings (`config.json`): where the offline secret key is kept — its path only, the key is
/// never copied into the store — and the key ids it must have.
public struct StoreConfig: Codable, Equatable, Sendable {
    /// `airlock-archive/1`.
    public static let currentFormat = "airlock-archive/1"

    /// `airlock-archive/1`.
    public var format: String
    /// Absolute path of the offline secret key file.
    public var offlineKeyPath: String
    /// Key id of the offline identity (its X25519 key), as printed.
    public var offlineKeyID: String
    /// Key id of the Ed25519 key that signs receipts.
    public var receiptKeyID: String

    /// Settings for an offline identity whose secret file is at `offlineKeyPath`.
    public init(offlineKeyPath: String, identity: OfflinePublicIdentity) {
        format = Self.currentFormat
        self.offlineKeyPath = offlineKeyPath
        offlineKeyID = identity.keyID.description
        receiptKeyID = KeyID(identity.receiptSigner).description
    }

    enum CodingKeys: String, CodingKey {
        case format
        case offlineKeyPath = "offline_key"
        case offlineKeyID = "offline_key_id"
        case receiptKeyID = "receipt_key_id"
    }

    /// Reads the `config.json` of the store at `root`.
    public static func read(at root: String) throws(ArchiveError) -> StoreConfig { try read(StoreLayout(root: root)) }

    /// Reads `config.json`.
    static func read(_ layout: StoreLayout) throws(ArchiveError) -> StoreConfig {
        guard FileSystem.exists(layout.config) else { throw .notAStore(path: layout.root, reason: "no config.json") }
        let bytes = try FileSystem.read(layout.config)
        guard let config = try? JSONDecoder().decode(StoreConfig.self, from: Data(bytes)),
            config.format == currentFormat
        else { throw .notAStore(path: layout.root, reason: "config.json is not an \(currentFormat) file") }
        return config
    }

    /// Writes `config.json` atomically, mode 0600.
    func write(_ layout: StoreLayout) throws(ArchiveError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data()
        try FileSystem.writeAtomically(Array(data) + [10], to: layout.config)
    }

    /// Fails unless `identity` is the one this store was created for.
    func check(_ identity: OfflinePublicIdentity) throws(ArchiveError) {
        guard identity.keyID.description == offlineKeyID,
            KeyID(identity.receiptSigner).description == receiptKeyID
        else { throw .wrongOfflineKey(expected: offlineKeyID, found: identity.keyID.description) }
    }
}
