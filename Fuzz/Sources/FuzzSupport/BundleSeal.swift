public import AirlockFormat
import SodiumKit
import BundleOpening

/// Seals and signs an arbitrary stored payload with the fuzz keys, as a compromised packer could: everything the
/// reader does after the signature check (steps 5–9) then runs on fuzzer-chosen bytes.
///
/// A copy of what `BundleWriter` does (spec "Derived values"), because the writer only takes whole frames and
/// compresses them itself, and `FileKey.payloadKey`/`commitment(over:)` are package-internal.
public enum BundleSeal {
    /// The bundle file whose encrypted payload is `stored` (already compressed when `compression` is zstd).
    ///
    /// - Parameters:
    ///   - payloadSize: the decompressed size the header declares.
    ///   - chunkSize: plaintext bytes per chunk; the smallest allowed by default, so that small inputs span chunks.
    public static func bundle(
        stored: [UInt8], compression: BundleHeader.Compression, payloadSize: UInt64,
        chunkSize: UInt32 = BundleHeader.chunkSizeRange.lowerBound
    ) -> [UInt8] {
        let fileKey = FileKey.random()
        let pusher = SecretStreamPusher(key: fileKey.deriveKey(id: 1, context: "ALKFILE1"))
        let recipient = FuzzKeys.offline.recipient.publicKey
        var header = BundleHeader(
            chainID: Array(0x10...0x1F), sequence: 1, previousHash: [UInt8](repeating: 0, count: 32),
            createdAt: 1_764_000_000, signerKeyID: KeyID(FuzzKeys.packer.publicKey), chunkSize: chunkSize,
            compression: compression, payloadSize: payloadSize, streamHeader: pusher.header,
            stanzas: [RecipientStanza(recipientKeyID: KeyID(recipient), sealedFileKey: fileKey.seal(to: recipient))],
            keyCommitment: [])
        header.keyCommitment = fileKey.deriveKey(id: 2, context: "ALKFILE1").authenticate(header.bytesBeforeCommitment)
        let additionalData = header.hash
        var content = header.encoded
        var offset = 0
        repeat {
            let end = min(offset + Int(chunkSize), stored.count)
            let tag: StreamTag = end == stored.count ? .final : .message
            content += pusher.push(Array(stored[offset..<end]), tag: tag, additionalData: additionalData)
            offset = end
        } while offset < stored.count
        let contentHash = BLAKE2b.hash(content, outputLength: 64)
        let message = Array("airlock/v1/bundle-signature".utf8) + [0] + contentHash
        return content + FuzzKeys.packer.signer.sign(message).bytes
    }

    /// Runs the offline reader's whole acceptance order on the file at `path` with the fuzz keys: verify, open,
    /// then read every record to the end.
    ///
    /// - Returns: the error the reader refused the bundle with, or nil when it accepted it.
    @discardableResult
    public static func read(path: String, maxPayloadSize: UInt64 = 64 << 30) -> FormatError? {
        do throws(FormatError) {
            let verified = try BundleVerifier.verify(
                path: path, trustedSigners: [FuzzKeys.packer.publicKey], maxPayloadSize: maxPayloadSize)
            let reader = try BundleContentsReader(verified: verified, recipient: FuzzKeys.offline.recipient)
            while let record = try reader.next() {
                _ = record.fields.count
            }
            return nil
        } catch {
            return error
        }
    }
}
