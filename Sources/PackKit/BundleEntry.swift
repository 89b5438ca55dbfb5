/// What the state folder remembers about one bundle: `STATE/bundles/NNNNNNNN.json`.
public struct BundleEntry: Codable, Equatable, Sendable {
    /// Where a bundle stands in the receipt gate.
    public enum Status: String, Codable, Sendable {
        /// The sequence number is taken and the bundle is being written (or a run died while writing it).
        case reserved
        /// The bundle was written; its masked re-export waits in `pending/` for a receipt.
        case sent
        /// A valid receipt arrived; the masked re-export was moved to `ready/`.
        case confirmed
    }

    public var sequence: UInt64
    public var status: Status
    /// Where the bundle was (or is being) written.
    public var bundlePath: String
    /// Lower-case hex; nil while reserved.
    public var bundleHash: String?
    /// RFC 3339 UTC.
    public var createdAt: String
    public var members: UInt64
    public var orders: UInt64
    /// File names of the masked re-export under `pending/NNNNNNNN/` (later `ready/NNNNNNNN/`).
    public var maskedFiles: [String]
    /// RFC 3339 UTC, when a receipt confirmed the bundle.
    public var confirmedAt: String?

    public init(
        sequence: UInt64, status: Status, bundlePath: String, bundleHash: String?, createdAt: String, members: UInt64,
        orders: UInt64, maskedFiles: [String], confirmedAt: String?
    ) {
        self.sequence = sequence
        self.status = status
        self.bundlePath = bundlePath
        self.bundleHash = bundleHash
        self.createdAt = createdAt
        self.members = members
        self.orders = orders
        self.maskedFiles = maskedFiles
        self.confirmedAt = confirmedAt
    }

    enum CodingKeys: String, CodingKey {
        case sequence, status, members, orders
        case bundlePath = "bundle_path"
        case bundleHash = "bundle_hash"
        case createdAt = "created_at"
        case maskedFiles = "masked_files"
        case confirmedAt = "confirmed_at"
    }
}

/// The chain this state folder packs: `STATE/chain.json`.
public struct ChainState: Codable, Equatable, Sendable {
    /// 32 lower-case hex digits, random, made at the first run.
    public var chainID: String
    /// The sequence of the last bundle that was sent (0 before the first).
    public var lastSequence: UInt64
    /// The bundle hash of that bundle; 64 zeros before the first.
    public var lastHash: String

    public init(chainID: String, lastSequence: UInt64, lastHash: String) {
        self.chainID = chainID
        self.lastSequence = lastSequence
        self.lastHash = lastHash
    }

    enum CodingKeys: String, CodingKey {
        case chainID = "chain_id"
        case lastSequence = "last_sequence"
        case lastHash = "last_hash"
    }
}
