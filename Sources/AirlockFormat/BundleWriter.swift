public import SodiumKit

/// What the writer needs to know before the first payload byte: everything in the header.
public struct BundleParameters: Sendable {
    /// The chain's random id (16 bytes).
    public var chainID: [UInt8]
    /// 1 for the first bundle of a chain.
    public var sequence: UInt64
    /// The previous bundle's hash; 32 zero bytes for sequence 1.
    public var previousHash: [UInt8]
    /// Seconds since the Unix epoch.
    public var createdAt: Int64
    /// Recipients the file key is sealed to (1…16).
    public var recipients: [RecipientPublicKey]
    /// Plaintext bytes per chunk.
    public var chunkSize: UInt32
    /// Payload compression.
    public var compression: BundleHeader.Compression
    /// zstd level when compressing.
    public var compressionLevel: Int32

    /// Parameters with the spec's defaults (64 KiB chunks, zstd level 3).
    public init(
        chainID: [UInt8], sequence: UInt64, previousHash: [UInt8], createdAt: Int64,
        recipients: [RecipientPublicKey], chunkSize: UInt32 = BundleHeader.defaultChunkSize,
        compression: BundleHeader.Compression = .zstd, compressionLevel: Int32 = 3
    ) {
        self.chainID = chainID
        self.sequence = sequence
        self.previousHash = previousHash
        self.createdAt = createdAt
        self.recipients = recipients
        self.chunkSize = chunkSize
        self.compression = compression
        self.compressionLevel = compressionLevel
    }
}

/// The result of writing a bundle.
public struct WrittenBundle: Sendable {
    /// The header as written.
    public var header: BundleHeader
    /// The bundle hash: the next bundle's previous hash, and what receipts name.
    public var bundleHash: [UInt8]
    /// Size of the whole file.
    public var byteCount: UInt64
}

/// Writes one bundle as a stream: header, encrypted chunks, signature. The payload's exact decompressed size
/// must be known up front (the header declares it); the packer learns it in its counting pass.
///
/// Nothing appears at the destination until ``finish()`` succeeds; on any error the temporary file is removed.
public final class BundleWriter {
    private let output: AtomicFileWriter
    private let header: BundleHeader
    private let headerHash: [UInt8]
    private let signer: SigningSecretKey
    private let pusher: SecretStreamPusher
    private let compressor: ZstdCompressor?
    private let contentHasher = BLAKE2b(outputLength: 64)
    private var pending: [UInt8] = []
    private var cipherBuffer: [UInt8]
    private var plaintextWritten: UInt64 = 0

    /// Starts a bundle at `path`.
    ///
    /// - Parameters:
    ///   - payloadSize: the exact number of plaintext payload bytes (all frames) that will be written.
    /// - Throws: ``FormatError/io(path:reason:)`` when the file cannot be created.
    public init(
        path: String, parameters: BundleParameters, payloadSize: UInt64, signer: SigningSecretKey
    ) throws(FormatError) {
        precondition(parameters.chainID.count == 16 && parameters.previousHash.count == 32)
        precondition(BundleHeader.recipientLimit.contains(parameters.recipients.count))
        let fileKey = FileKey.random()
        let pusher = SecretStreamPusher(key: fileKey.payloadKey)
        let stanzas = parameters.recipients
            .map { RecipientStanza(recipientKeyID: KeyID($0), sealedFileKey: fileKey.seal(to: $0)) }
            .sorted { $0.recipientKeyID < $1.recipientKeyID }
        var header = BundleHeader(
            chainID: parameters.chainID, sequence: parameters.sequence, previousHash: parameters.previousHash,
            createdAt: parameters.createdAt, signerKeyID: KeyID(signer.publicKey), chunkSize: parameters.chunkSize,
            compression: parameters.compression, payloadSize: payloadSize, streamHeader: pusher.header,
            stanzas: stanzas, keyCommitment: [])
        header.keyCommitment = fileKey.commitment(over: header.bytesBeforeCommitment)
        self.header = header
        headerHash = header.hash
        self.signer = signer
        self.pusher = pusher
        compressor = parameters.compression == .zstd ? ZstdCompressor(level: parameters.compressionLevel) : nil
        cipherBuffer = [UInt8](repeating: 0, count: Int(parameters.chunkSize) + SecretStream.overheadByteCount)
        output = try AtomicFileWriter(path: path)
        let encoded = header.encoded
        contentHasher.update(encoded)
        try output.write(encoded)
    }

    /// Appends one frame to the payload.
    public func write(_ frame: PayloadFrame) throws(FormatError) {
        var head = ByteWriter()
        head.append(frame.kind.rawValue)
        head.append(UInt32(frame.body.count))
        try absorb(head.bytes)
        try absorb(frame.body)
    }

    /// Ends the payload, signs, and moves the bundle into place.
    public func finish() throws(FormatError) -> WrittenBundle {
        precondition(plaintextWritten == header.payloadSize, "payload size \(plaintextWritten) ≠ declared \(header.payloadSize)")
        if let compressor {
            try compressor.compress(UnsafeRawBufferPointer(start: nil, count: 0), end: true) { pending.append(contentsOf: $0) }
        }
        while pending.count > Int(header.chunkSize) { try emitChunk(final: false) }
        try emitChunk(final: true)
        let contentHash = contentHasher.finalize()
        let signature = signer.sign(signedMessage(contentHash: contentHash))
        try output.write(signature.bytes)
        try output.commit()
        return WrittenBundle(
            header: header, bundleHash: bundleHash(contentHash: contentHash, signature: signature),
            byteCount: output.byteCount)
    }

    private func absorb(_ bytes: [UInt8]) throws(FormatError) {
        plaintextWritten += UInt64(bytes.count)
        precondition(plaintextWritten <= header.payloadSize, "payload larger than declared")
        if let compressor {
            try bytes.withBytes { (raw) throws(FormatError) in
                try compressor.compress(raw, end: false) { pending.append(contentsOf: $0) }
            }
        } else {
            pending.append(contentsOf: bytes)
        }
        while pending.count > Int(header.chunkSize) { try emitChunk(final: false) }
    }

    private func emitChunk(final: Bool) throws(FormatError) {
        let count = final ? pending.count : Int(header.chunkSize)
        let cipherCount = count + SecretStream.overheadByteCount
        pending.withUnsafeBytes { plain in
            cipherBuffer.withUnsafeMutableBytes { cipher in
                pusher.push(
                    UnsafeRawBufferPointer(rebasing: plain[0..<count]), tag: final ? .final : .message,
                    additionalData: headerHash, into: cipher)
            }
        }
        try cipherBuffer.withBytes { (cipher) throws(FormatError) in
            let slice = UnsafeRawBufferPointer(rebasing: cipher[0..<cipherCount])
            contentHasher.update(slice)
            try output.write(slice)
        }
        pending.removeFirst(count)
    }
}
