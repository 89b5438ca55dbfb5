/// Which archived bundle something came from: its chain position, hash and import time.
public struct BundleReference: Codable, Equatable, Sendable {
    /// Lower-case hex chain id.
    public var chain: String
    /// The bundle's position in its chain.
    public var sequence: UInt64
    /// Lower-case hex bundle hash.
    public var bundleHash: String
    /// RFC 3339 UTC.
    public var importedAt: String

    /// Names a bundle.
    public init(chain: String, sequence: UInt64, bundleHash: String, importedAt: String) {
        self.chain = chain
        self.sequence = sequence
        self.bundleHash = bundleHash
        self.importedAt = importedAt
    }

    enum CodingKeys: String, CodingKey {
        case chain, sequence
        case bundleHash = "bundle_hash"
        case importedAt = "imported_at"
    }
}
