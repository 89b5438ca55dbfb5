public import SodiumKit

/// A bundle whose structure and signature were checked with public keys only; nothing was decrypted.
public struct VerifiedBundle: Sendable {
    /// The file that was verified.
    public var path: String
    /// The parsed header.
    public var header: BundleHeader
    /// The trusted key that signed it.
    public var signer: SigningPublicKey
    /// `BLAKE2b-512(header ‖ ciphertext)`: the decrypting pass checks that it reads the same bytes.
    public var contentHash: [UInt8]
    /// The bundle hash (chain link, receipts).
    public var bundleHash: [UInt8]
    /// Size of the file.
    public var byteCount: UInt64
    /// Size of the encrypted payload (all chunks).
    public var ciphertextLength: UInt64
    /// The number of encrypted chunks.
    public var chunkCount: UInt64
}

/// Reads only what a verifier needs: the header, then one streaming hash over header and ciphertext.
public enum BundleVerifier {
    /// Bytes of the Ed25519 signature that ends every bundle.
    public static let signatureLength = 64

    /// Reads and strictly parses the header of the bundle at `path`, without checking its signature.
    public static func readHeader(path: String) throws(FormatError) -> BundleHeader {
        let file = try FileReader(path: path)
        return try readHeader(file)
    }

    /// Verifies steps 1–4 of the spec's acceptance order: header, signer trusted, sizes, signature.
    ///
    /// - Parameters:
    ///   - trustedSigners: the packer keys this reader trusts.
    ///   - maxPayloadSize: refuse headers declaring a larger decompressed payload.
    public static func verify(
        path: String, trustedSigners: [SigningPublicKey], maxPayloadSize: UInt64 = 64 << 30
    ) throws(FormatError) -> VerifiedBundle {
        let file = try FileReader(path: path)
        let header = try readHeader(file)
        guard let signer = trustedSigners.first(where: { KeyID($0) == header.signerKeyID }) else {
            throw .unknownSigner(header.signerKeyID)
        }
        guard header.payloadSize <= maxPayloadSize else {
            throw .limitExceeded("declared payload of \(header.payloadSize) bytes, over this reader's \(maxPayloadSize)")
        }
        let headerLength = UInt64(BundleHeader.encodedLength(recipients: header.stanzas.count))
        let minimum = headerLength + UInt64(SecretStream.overheadByteCount + signatureLength)
        guard file.size >= minimum else { throw .truncated("shorter than a header, one chunk and a signature") }
        let ciphertextLength = file.size - headerLength - UInt64(signatureLength)
        let block = UInt64(header.chunkSize) + UInt64(SecretStream.overheadByteCount)
        let chunkCount = (ciphertextLength + block - 1) / block
        let lastLength = ciphertextLength - (chunkCount - 1) * block
        guard lastLength >= UInt64(SecretStream.overheadByteCount) else {
            throw .truncated("the last chunk is shorter than its authentication tag")
        }

        let hasher = BLAKE2b(outputLength: 64)
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var offset: UInt64 = 0
        let end = headerLength + ciphertextLength
        while offset < end {
            let count = Int(min(UInt64(buffer.count), end - offset))
            try buffer.withMutableBytes { (raw) throws(FormatError) in try file.read(at: offset, count: count, into: raw) }
            buffer.withUnsafeBytes { hasher.update(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
            offset += UInt64(count)
        }
        let contentHash = hasher.finalize()
        let signatureBytes = try file.read(at: end, count: signatureLength)
        let signature = try! Signature(bytes: signatureBytes)
        guard signer.isValidSignature(signature, for: signedMessage(contentHash: contentHash)) else {
            throw .badSignature
        }
        return VerifiedBundle(
            path: path, header: header, signer: signer, contentHash: contentHash,
            bundleHash: bundleHash(contentHash: contentHash, signature: signature), byteCount: file.size,
            ciphertextLength: ciphertextLength, chunkCount: chunkCount)
    }

    static func readHeader(_ file: FileReader) throws(FormatError) -> BundleHeader {
        let maximum = UInt64(BundleHeader.encodedLength(recipients: BundleHeader.recipientLimit.upperBound))
        let prefix = try file.read(at: 0, count: Int(min(file.size, maximum)))
        return try BundleHeader.parse(prefix)
    }
}
