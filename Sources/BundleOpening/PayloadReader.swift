public import SodiumKit
public import AirlockFormat

/// Decrypts a verified bundle chunk by chunk, decompresses it within the declared size, and yields its frames.
///
/// It re-hashes what it reads and, at the end, refuses the bundle if the bytes differ from the verified ones,
/// so a file changed between the two passes is never trusted.
public final class PayloadReader {
    private let verified: VerifiedBundle
    private let file: FileReader
    private let puller: SecretStreamPuller
    private let headerHash: [UInt8]
    private let decompressor: ZstdDecompressor?
    private let contentHasher = BLAKE2b(outputLength: 64)
    private var chunkIndex: UInt64 = 0
    private var cipherOffset: UInt64
    private var cipherBuffer: [UInt8]
    private var plainBuffer: [UInt8]
    /// Decompressed bytes not yet handed out as frames.
    private var plaintext: [UInt8] = []
    private var plaintextStart = 0
    private var plaintextTotal: UInt64 = 0
    private var ended = false
    /// Decrypted, still compressed bytes of the current chunk (in `plainBuffer`) not yet decompressed.
    private var compressedCount = 0
    private var compressedPosition = 0
    /// The decompressor filled its output buffer and may have more without new input.
    private var decompressorHasMore = false
    /// The current chunk is the last: once it is decompressed, the payload ends.
    private var compressedIsLast = false

    /// Opens the payload: finds this recipient's stanza, opens the file key and checks the key commitment
    /// (acceptance steps 5–7).
    public init(verified: VerifiedBundle, recipient: RecipientSecretKey) throws(FormatError) {
        let header = verified.header
        guard let stanza = header.stanzas.first(where: { $0.recipientKeyID == KeyID(recipient.publicKey) }) else {
            throw .notARecipient
        }
        let fileKey: FileKey
        do { fileKey = try recipient.open(stanza.sealedFileKey) } catch { throw .stanzaOpenFailed }
        guard constantTimeEquals(fileKey.commitment(over: header.bytesBeforeCommitment), header.keyCommitment) else {
            throw .keyCommitmentMismatch
        }
        do { puller = try SecretStreamPuller(key: fileKey.payloadKey, header: header.streamHeader) } catch {
            throw .chunkAuthenticationFailed(chunk: 0)
        }
        self.verified = verified
        file = try FileReader(path: verified.path)
        guard file.size == verified.byteCount else { throw .changedDuringRead }
        headerHash = header.hash
        decompressor = header.compression == .zstd ? ZstdDecompressor() : nil
        let encodedHeader = header.encoded
        contentHasher.update(encodedHeader)
        cipherOffset = UInt64(encodedHeader.count)
        cipherBuffer = [UInt8](repeating: 0, count: Int(header.chunkSize) + SecretStream.overheadByteCount)
        plainBuffer = [UInt8](repeating: 0, count: Int(header.chunkSize))
    }

    /// The next frame, or nil at the end of a payload whose final chunk, size and bytes all checked out.
    ///
    /// Frames are taken as soon as they are complete, between decompression steps of at most 128 KiB, so the
    /// plaintext held in memory is at most one frame (≤ 16 MiB) plus one step or one uncompressed chunk.
    public func nextFrame() throws(FormatError) -> PayloadFrame? {
        while true {
            if let frame = try takeFrame() { return frame }
            if ended {
                guard plaintextStart == plaintext.count else {
                    throw .malformedPayload("the payload ends inside a frame")
                }
                return nil
            }
            if compressedPosition < compressedCount || decompressorHasMore {
                try decompressStep()
            } else if compressedIsLast {
                compressedIsLast = false
                try end()
            } else {
                try readChunk()
            }
        }
    }

    private func takeFrame() throws(FormatError) -> PayloadFrame? {
        let available = plaintext.count - plaintextStart
        guard available >= PayloadFrame.headerLength else { return nil }
        let typeByte = plaintext[plaintextStart]
        guard let kind = PayloadFrame.Kind(rawValue: typeByte) else {
            throw .malformedPayload("unknown frame type \(typeByte)")
        }
        var length = 0
        for shift in 0..<4 { length |= Int(plaintext[plaintextStart + 1 + shift]) << (8 * shift) }
        let limit = kind == .manifest ? PayloadFrame.maxManifestLength : PayloadFrame.maxBodyLength
        guard length <= limit else { throw .limitExceeded("a frame of \(length) bytes, over \(limit)") }
        guard available >= PayloadFrame.headerLength + length else { return nil }
        let start = plaintextStart + PayloadFrame.headerLength
        let body = Array(plaintext[start..<start + length])
        plaintextStart = start + length
        if plaintextStart > (1 << 20) {
            plaintext.removeFirst(plaintextStart)
            plaintextStart = 0
        }
        return PayloadFrame(kind: kind, body: body)
    }

    private func readChunk() throws(FormatError) {
        let header = verified.header
        let block = UInt64(header.chunkSize) + UInt64(SecretStream.overheadByteCount)
        let remaining = verified.ciphertextLength - (cipherOffset - UInt64(header.encoded.count))
        guard remaining > 0 else { throw .missingFinalChunk }
        let count = Int(min(block, remaining))
        let isLast = UInt64(count) == remaining
        try cipherBuffer.withMutableBytes { (raw) throws(FormatError) in
            try file.read(at: cipherOffset, count: count, into: raw)
        }
        cipherOffset += UInt64(count)
        let pulled: Result<StreamTag, SodiumError> = cipherBuffer.withUnsafeBytes { cipher in
            let slice = UnsafeRawBufferPointer(rebasing: cipher[0..<count])
            contentHasher.update(slice)
            return plainBuffer.withUnsafeMutableBytes { plain in
                Result { () throws(SodiumError) in try puller.pull(slice, additionalData: headerHash, into: plain) }
            }
        }
        let tag: StreamTag
        switch pulled {
        case let .success(value): tag = value
        case .failure(.dataAfterFinalChunk): throw .dataAfterFinalChunk
        case .failure: throw .chunkAuthenticationFailed(chunk: Int(chunkIndex))
        }
        chunkIndex += 1
        if tag == .final, !isLast { throw .dataAfterFinalChunk }
        if tag != .final, isLast { throw .missingFinalChunk }
        let plainCount = count - SecretStream.overheadByteCount
        if decompressor != nil {
            // Decompressed step by step from `nextFrame`, which takes frames in between.
            compressedCount = plainCount
            compressedPosition = 0
            compressedIsLast = isLast
            return
        }
        try plainBuffer.withBytes { (plain) throws(FormatError) in
            try append(UnsafeRawBufferPointer(rebasing: plain[0..<plainCount]))
        }
        if isLast { try end() }
    }

    private func decompressStep() throws(FormatError) {
        guard let decompressor else { return }
        var position = compressedPosition
        let count = compressedCount
        decompressorHasMore = try plainBuffer.withBytes { (plain) throws(FormatError) in
            try decompressor.step(UnsafeRawBufferPointer(rebasing: plain[0..<count]), position: &position) {
                (out) throws(FormatError) in try append(out)
            }
        }
        compressedPosition = position
    }

    private func append(_ bytes: UnsafeRawBufferPointer) throws(FormatError) {
        plaintextTotal += UInt64(bytes.count)
        guard plaintextTotal <= verified.header.payloadSize else {
            throw .payloadSizeExceeded(declared: verified.header.payloadSize)
        }
        plaintext.append(contentsOf: bytes)
    }

    private func end() throws(FormatError) {
        do { try puller.finish() } catch { throw .missingFinalChunk }
        if let decompressor, !decompressor.frameComplete {
            throw .decompressionFailed("the zstd frame is incomplete")
        }
        guard plaintextTotal == verified.header.payloadSize else {
            throw .payloadSizeMismatch(declared: verified.header.payloadSize, actual: plaintextTotal)
        }
        guard contentHasher.finalize() == verified.contentHash else { throw .changedDuringRead }
        ended = true
    }
}
