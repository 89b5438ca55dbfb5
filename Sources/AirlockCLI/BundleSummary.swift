public import AirlockFormat
import Foundation

/// What `inspect` and `verify` print about a bundle: header facts only, never anything secret.
public struct BundleSummary: Encodable, Sendable {
    public var path: String
    public var formatVersion: UInt16
    public var suite: UInt16
    public var chain: String
    public var sequence: UInt64
    public var previousHash: String
    public var createdAt: String
    public var signer: String
    public var recipients: [String]
    public var chunkSize: UInt32
    public var compression: String
    public var payloadSize: UInt64
    public var fileSize: UInt64?
    public var bundleHash: String?
    public var verified: Bool

    public init(path: String, header: BundleHeader, fileSize: UInt64?, bundleHash: [UInt8]?, verified: Bool) {
        self.path = path
        formatVersion = BundleHeader.formatVersion
        suite = BundleHeader.suite
        chain = Hex.encode(header.chainID)
        sequence = header.sequence
        previousHash = Hex.encode(header.previousHash)
        createdAt = ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: TimeInterval(header.createdAt)))
        signer = header.signerKeyID.description
        recipients = header.stanzas.map(\.recipientKeyID.description)
        chunkSize = header.chunkSize
        compression = header.compression == .zstd ? "zstd" : "none"
        payloadSize = header.payloadSize
        self.fileSize = fileSize
        self.bundleHash = bundleHash.map(Hex.encode)
        self.verified = verified
    }

    enum CodingKeys: String, CodingKey {
        case path, suite, chain, sequence, signer, recipients, compression, verified
        case formatVersion = "format_version"
        case previousHash = "previous_hash"
        case createdAt = "created_at"
        case chunkSize = "chunk_size"
        case payloadSize = "payload_size"
        case fileSize = "file_size"
        case bundleHash = "bundle_hash"
    }

    /// Human-readable lines.
    public var lines: [String] {
        var lines = [
            "bundle:      \(path)",
            "format:      v\(formatVersion), suite \(suite)",
            "chain:       \(chain)",
            "sequence:    \(sequence)",
            "previous:    \(previousHash)",
            "created:     \(createdAt)",
            "signer:      \(signer)",
            "recipients:  \(recipients.joined(separator: ", "))",
            "chunks:      \(chunkSize) bytes, compression \(compression)",
            "payload:     \(payloadSize) bytes decompressed",
        ]
        if let fileSize { lines.append("file size:   \(fileSize) bytes") }
        if let bundleHash { lines.append("bundle hash: \(bundleHash)") }
        return lines
    }
}
