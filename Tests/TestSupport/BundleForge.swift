public import AirlockFormat
@_spi(Forging) public import SodiumKit

/// Builds bundles byte by byte, including wrong ones, for test vectors and hostile-input tests.
///
/// It holds the packer's signing key, as a compromised online server would: vectors that must fail *after* the
/// signature check are re-signed, so the reader's later acceptance steps are the ones exercised.
public struct BundleForge {
    /// How to lay out the payload.
    public struct Payload {
        public var frames: [PayloadFrame]
        public var compression: BundleHeader.Compression
        /// Extra bytes appended to the stored (compressed) payload, before encryption.
        public var storedSuffix: [UInt8] = []

        public init(frames: [PayloadFrame], compression: BundleHeader.Compression = .zstd) {
            self.frames = frames
            self.compression = compression
        }

        /// The plaintext payload: every frame's encoding in order.
        public var plaintext: [UInt8] { frames.flatMap(\.encoded) }

        /// What is encrypted: the plaintext, compressed as declared.
        public var stored: [UInt8] {
            var out = [UInt8]()
            let plain = plaintext
            if compression == .zstd {
                let compressor = ZstdCompressor(level: 3)
                plain.withUnsafeBytes { raw in
                    try! compressor.compress(raw, end: true) { out.append(contentsOf: $0) }
                }
            } else {
                out = plain
            }
            return out + storedSuffix
        }
    }

    public var chainID: [UInt8]
    public var sequence: UInt64 = 1
    public var previousHash = [UInt8](repeating: 0, count: 32)
    public var createdAt: Int64 = 1_764_000_000
    public var chunkSize: UInt32 = BundleHeader.defaultChunkSize
    public var recipients: [RecipientPublicKey]
    public var signer: SigningSecretKey
    public var payload: Payload
    /// Overrides the declared payload size (default: the plaintext's size).
    public var declaredPayloadSize: UInt64?
    /// Edits the header after stanzas are made and before the key commitment is computed.
    public var editHeader: (inout BundleHeader) -> Void = { _ in }
    /// Edits the header after the commitment (so the commitment no longer matches).
    public var editAfterCommitment: (inout BundleHeader) -> Void = { _ in }
    /// The tag of chunk `index` of `count`; default: final on the last only.
    public var tag: (Int, Int) -> StreamTag = { index, count in index == count - 1 ? .final : .message }
    /// Additional data bound to each chunk; default: the header hash.
    public var additionalData: (([UInt8]) -> [UInt8])?
    /// Reorders or drops encrypted chunks before writing.
    public var editChunks: (inout [[UInt8]]) -> Void = { _ in }
    /// The file key; default: a fresh one.
    public var fileKey: FileKey = .random()

    public init(chainID: [UInt8], recipients: [RecipientPublicKey], signer: SigningSecretKey, payload: Payload) {
        self.chainID = chainID
        self.recipients = recipients
        self.signer = signer
        self.payload = payload
    }

    /// The header this forge writes.
    public func header() -> BundleHeader {
        let stanzas = recipients.map { RecipientStanza(recipientKeyID: KeyID($0), sealedFileKey: fileKey.seal(to: $0)) }
            .sorted { $0.recipientKeyID < $1.recipientKeyID }
        var header = BundleHeader(
            chainID: chainID, sequence: sequence, previousHash: previousHash, createdAt: createdAt,
            signerKeyID: KeyID(signer.publicKey), chunkSize: chunkSize, compression: payload.compression,
            payloadSize: declaredPayloadSize ?? UInt64(payload.plaintext.count), streamHeader: [], stanzas: stanzas,
            keyCommitment: [])
        header.streamHeader = [UInt8](repeating: 0, count: SecretStream.headerByteCount)
        editHeader(&header)
        return header
    }

    /// The whole bundle file.
    public func build() -> [UInt8] {
        let pusher = SecretStreamPusher(key: fileKey.payloadKey)
        pusher.permitsChunksAfterFinal = true
        var header = header()
        header.streamHeader = pusher.header
        header.keyCommitment = fileKey.commitment(over: header.bytesBeforeCommitment)
        editAfterCommitment(&header)
        let headerBytes = header.encoded
        let ad = additionalData?(header.hash) ?? header.hash
        let stored = payload.stored
        var pieces: [[UInt8]] = []
        var offset = 0
        repeat {
            let end = min(offset + Int(chunkSize), stored.count)
            pieces.append(Array(stored[offset..<end]))
            offset = end
        } while offset < stored.count
        var chunks = pieces.enumerated().map { index, piece in
            pusher.push(piece, tag: tag(index, pieces.count), additionalData: ad)
        }
        editChunks(&chunks)
        return Self.sign(headerBytes + chunks.flatMap { $0 }, with: signer)
    }

    /// Appends a signature over `content` (header ‖ ciphertext) as the format prescribes.
    public static func sign(_ content: [UInt8], with signer: SigningSecretKey) -> [UInt8] {
        let hash = BLAKE2b.hash(content, outputLength: 64)
        let message = Array("airlock/v1/bundle-signature".utf8) + [0] + hash
        return content + signer.sign(message).bytes
    }

    /// Replaces the signature of a whole bundle file after it was edited.
    public static func resign(_ file: [UInt8], with signer: SigningSecretKey) -> [UInt8] {
        sign(Array(file.dropLast(64)), with: signer)
    }
}
