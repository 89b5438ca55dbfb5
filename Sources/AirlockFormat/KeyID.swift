public import SodiumKit

/// A short identifier of a public key: the first 8 bytes of
/// `BLAKE2b-256("airlock/v1/key-id" ‖ 0x00 ‖ algorithm ‖ public key)`. Printed as `1a2b-3c4d-5e6f-7a8b`.
public struct KeyID: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// 8 bytes.
    public static let byteCount = 8
    /// The raw bytes.
    public let bytes: [UInt8]

    /// Wraps 8 raw bytes.
    public init?(bytes: [UInt8]) {
        guard bytes.count == Self.byteCount else { return nil }
        self.bytes = bytes
    }

    /// Parses the printed form (hex, dashes optional).
    public init?(_ text: String) {
        let hex = text.filter { $0 != "-" }
        guard let bytes = Hex.decode(hex), bytes.count == Self.byteCount else { return nil }
        self.bytes = bytes
    }

    init(algorithm: UInt8, publicKey: [UInt8]) {
        let digest = BLAKE2b.hash(Array("airlock/v1/key-id".utf8) + [0, algorithm] + publicKey, outputLength: 32)
        bytes = Array(digest.prefix(Self.byteCount))
    }

    /// The key id of a recipient (X25519) public key.
    public init(_ key: RecipientPublicKey) { self.init(algorithm: 1, publicKey: key.bytes) }
    /// The key id of a signing (Ed25519) public key.
    public init(_ key: SigningPublicKey) { self.init(algorithm: 2, publicKey: key.bytes) }

    public var description: String {
        let hex = Hex.encode(bytes)
        return stride(from: 0, to: hex.count, by: 4).map { offset in
            let start = hex.index(hex.startIndex, offsetBy: offset)
            return String(hex[start..<hex.index(start, offsetBy: 4)])
        }.joined(separator: "-")
    }

    public static func < (lhs: KeyID, rhs: KeyID) -> Bool { lhs.bytes.lexicographicallyPrecedes(rhs.bytes) }
}
