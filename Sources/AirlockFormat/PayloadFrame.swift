/// A typed, length-prefixed unit of the decrypted payload: `type u8 ‖ length u32 LE ‖ body`.
public struct PayloadFrame: Equatable, Sendable {
    /// What a frame holds.
    public enum Kind: UInt8, Sendable {
        /// The manifest, UTF-8 JSON; exactly once, first.
        case manifest = 1
        /// A member record.
        case member = 2
        /// An order record.
        case order = 3
    }

    /// 5 bytes of type and length before each body.
    public static let headerLength = 5
    /// The largest body a reader accepts (16 MiB).
    public static let maxBodyLength = 16 << 20
    /// The largest manifest a reader accepts (1 MiB).
    public static let maxManifestLength = 1 << 20

    /// The frame's type.
    public var kind: Kind
    /// The body bytes.
    public var body: [UInt8]

    /// Makes a frame.
    public init(kind: Kind, body: [UInt8]) {
        self.kind = kind
        self.body = body
    }

    /// The frame's encoded size.
    public var encodedLength: Int { Self.headerLength + body.count }

    /// The encoded frame.
    public var encoded: [UInt8] {
        var writer = ByteWriter()
        writer.append(kind.rawValue)
        writer.append(UInt32(body.count))
        writer.append(body)
        return writer.bytes
    }
}
