public import SodiumKit

/// The clear, signed header of a bundle (format v1). It has exactly one valid encoding: every field has a fixed
/// width and position, and ``parse(_:)`` refuses any other byte string. See `Spec/bundle-format.md`, "Header".
public struct BundleHeader: Equatable, Sendable {
    /// Format version 1.
    public static let formatVersion: UInt16 = 1
    /// Suite 1: X25519 sealed boxes, secretstream XChaCha20-Poly1305, Ed25519, BLAKE2b.
    public static let suite: UInt16 = 1
    /// `\x89 A L K \r \n \x1A \n`: see the spec for what each byte catches.
    public static let magic: [UInt8] = [0x89, 0x41, 0x4C, 0x4B, 0x0D, 0x0A, 0x1A, 0x0A]
    /// Bytes before the stanzas.
    public static let fixedPrefixLength = 128
    /// One stanza: key id (8) + sealed file key (80).
    public static let stanzaLength = 88
    /// The key commitment at the end of the header.
    public static let commitmentLength = 32
    /// 1…16 recipients.
    public static let recipientLimit = 1...16
    /// Chunk sizes are powers of two from 4 KiB to 1 MiB.
    public static let chunkSizeRange: ClosedRange<UInt32> = 4096...1_048_576
    /// The default chunk size, 64 KiB.
    public static let defaultChunkSize: UInt32 = 65_536

    /// Compression applied to the payload before encryption.
    public enum Compression: UInt8, Sendable {
        case none = 0
        case zstd = 1
    }

    /// Random 16 bytes chosen at the packer's first run; the archive follows each chain separately.
    public var chainID: [UInt8]
    /// 1 for a chain's first bundle, then +1 per bundle.
    public var sequence: UInt64
    /// The bundle hash of bundle `sequence - 1`; 32 zero bytes for sequence 1.
    public var previousHash: [UInt8]
    /// Seconds since 1970-01-01T00:00:00Z.
    public var createdAt: Int64
    /// The key id of the packer's Ed25519 key that signs the bundle.
    public var signerKeyID: KeyID
    /// Plaintext bytes per encrypted chunk.
    public var chunkSize: UInt32
    /// How the payload was compressed before encryption.
    public var compression: Compression
    /// The exact size of the decompressed payload; a reader refuses more and fewer bytes.
    public var payloadSize: UInt64
    /// The secretstream header (24 bytes).
    public var streamHeader: [UInt8]
    /// One sealed file key per recipient, sorted by key id, no duplicates.
    public var stanzas: [RecipientStanza]
    /// `BLAKE2b-256` keyed with a key derived from the file key, over every header byte before it.
    public var keyCommitment: [UInt8]

    /// Makes a header from its fields; ``encoded`` gives its bytes.
    public init(
        chainID: [UInt8], sequence: UInt64, previousHash: [UInt8], createdAt: Int64, signerKeyID: KeyID,
        chunkSize: UInt32, compression: Compression, payloadSize: UInt64, streamHeader: [UInt8],
        stanzas: [RecipientStanza], keyCommitment: [UInt8]
    ) {
        self.chainID = chainID
        self.sequence = sequence
        self.previousHash = previousHash
        self.createdAt = createdAt
        self.signerKeyID = signerKeyID
        self.chunkSize = chunkSize
        self.compression = compression
        self.payloadSize = payloadSize
        self.streamHeader = streamHeader
        self.stanzas = stanzas
        self.keyCommitment = keyCommitment
    }

    /// The encoded length of a header with `recipients` stanzas.
    public static func encodedLength(recipients: Int) -> Int {
        fixedPrefixLength + recipients * stanzaLength + commitmentLength
    }

    /// The header bytes before the key commitment: what the commitment covers.
    public var bytesBeforeCommitment: [UInt8] {
        var writer = ByteWriter()
        writer.append(Self.magic)
        writer.append(Self.formatVersion)
        writer.append(Self.suite)
        writer.append(UInt32(Self.encodedLength(recipients: stanzas.count)))
        writer.append(chainID)
        writer.append(sequence)
        writer.append(previousHash)
        writer.append(createdAt)
        writer.append(signerKeyID.bytes)
        writer.append(chunkSize)
        writer.append(compression.rawValue)
        writer.append(UInt8(stanzas.count))
        writer.append(UInt16(0))
        writer.append(payloadSize)
        writer.append(streamHeader)
        for stanza in stanzas {
            writer.append(stanza.recipientKeyID.bytes)
            writer.append(stanza.sealedFileKey.bytes)
        }
        return writer.bytes
    }

    /// The canonical encoding.
    public var encoded: [UInt8] { bytesBeforeCommitment + keyCommitment }

    /// `BLAKE2b-256` of the encoded header: bound as additional data to every payload chunk.
    public var hash: [UInt8] { BLAKE2b.hash(encoded, outputLength: 32) }

    /// Parses a header strictly, in the order the spec gives: magic, version, suite, length, then every field.
    ///
    /// - Parameter bytes: the file's first bytes (at least the whole header; more is ignored).
    /// - Returns: the header; its encoded length is `encodedLength(recipients: stanzas.count)`.
    /// - Throws: ``FormatError`` naming the first problem.
    public static func parse(_ bytes: [UInt8]) throws(FormatError) -> BundleHeader {
        guard bytes.count >= magic.count else {
            if bytes.count < 4 || Array(bytes.prefix(4)) != Array(magic.prefix(4)) { throw .badMagic }
            throw .truncated("in the header")
        }
        let start = Array(bytes.prefix(magic.count))
        guard start == magic else {
            if start.prefix(4) == magic.prefix(4) { throw .textModeDamage }
            throw .badMagic
        }
        var reader = ByteReader(bytes)
        _ = reader.take(magic.count)
        guard let version = reader.u16(), let suite = reader.u16(), let length = reader.u32() else {
            throw .truncated("in the header")
        }
        guard version == formatVersion else { throw .unsupportedVersion(version) }
        guard suite == Self.suite else { throw .unsupportedSuite(suite) }
        guard length <= UInt32(encodedLength(recipients: recipientLimit.upperBound)) else {
            throw .limitExceeded("header length \(length) over \(encodedLength(recipients: recipientLimit.upperBound)) bytes")
        }
        guard bytes.count >= Int(length), length >= UInt32(encodedLength(recipients: 1)) else {
            throw bytes.count < Int(length) ? .truncated("in the header") : .nonCanonicalHeader("header length \(length) too short")
        }
        guard let chainID = reader.take(16), let sequence = reader.u64(), let previous = reader.take(32),
            let createdAt = reader.i64(), let signer = reader.take(KeyID.byteCount), let chunkSize = reader.u32(),
            let compressionByte = reader.u8(), let recipientCount = reader.u8(), let reserved = reader.u16(),
            let payloadSize = reader.u64(), let streamHeader = reader.take(SecretStream.headerByteCount)
        else { throw .truncated("in the header") }

        guard recipientLimit.contains(Int(recipientCount)) else {
            throw recipientCount == 0
                ? .nonCanonicalHeader("no recipient stanza")
                : .limitExceeded("\(recipientCount) recipient stanzas, over \(recipientLimit.upperBound)")
        }
        guard Int(length) == encodedLength(recipients: Int(recipientCount)) else {
            throw .nonCanonicalHeader("header length \(length) does not match \(recipientCount) stanzas")
        }
        guard reserved == 0 else { throw .nonCanonicalHeader("reserved bytes are not zero") }
        guard let compression = Compression(rawValue: compressionByte) else {
            throw .nonCanonicalHeader("unknown compression \(compressionByte)")
        }
        guard chunkSizeRange.contains(chunkSize), chunkSize.nonzeroBitCount == 1 else {
            throw .nonCanonicalHeader("chunk size \(chunkSize) is not a power of two from 4 KiB to 1 MiB")
        }
        guard sequence >= 1, sequence <= UInt64(Int64.max) else {
            throw .nonCanonicalHeader("sequence \(sequence) out of range")
        }
        let previousIsZero = previous.allSatisfy { $0 == 0 }
        guard (sequence == 1) == previousIsZero else {
            throw .nonCanonicalHeader(
                sequence == 1 ? "sequence 1 with a previous hash" : "sequence \(sequence) without a previous hash")
        }
        guard payloadSize > 0 else { throw .nonCanonicalHeader("empty payload") }

        var stanzas: [RecipientStanza] = []
        for _ in 0..<recipientCount {
            guard let id = reader.take(KeyID.byteCount), let sealed = reader.take(SealedFileKey.byteCount) else {
                throw .truncated("in the recipient stanzas")
            }
            let stanza = RecipientStanza(
                recipientKeyID: KeyID(bytes: Array(id))!, sealedFileKey: try! SealedFileKey(bytes: Array(sealed)))
            if let last = stanzas.last, !(last.recipientKeyID < stanza.recipientKeyID) {
                throw .nonCanonicalHeader("recipient stanzas are not sorted by key id without duplicates")
            }
            stanzas.append(stanza)
        }
        guard let commitment = reader.take(commitmentLength) else { throw .truncated("in the key commitment") }
        return BundleHeader(
            chainID: Array(chainID), sequence: sequence, previousHash: Array(previous), createdAt: createdAt,
            signerKeyID: KeyID(bytes: Array(signer))!, chunkSize: chunkSize, compression: compression,
            payloadSize: payloadSize, streamHeader: Array(streamHeader), stanzas: stanzas,
            keyCommitment: Array(commitment))
    }
}

/// A recipient's key id and the bundle's file key sealed to that recipient.
public struct RecipientStanza: Equatable, Sendable {
    /// Which recipient key the file key is sealed to.
    public var recipientKeyID: KeyID
    /// `crypto_box_seal(file key, recipient public key)`.
    public var sealedFileKey: SealedFileKey

    /// Makes a stanza.
    public init(recipientKeyID: KeyID, sealedFileKey: SealedFileKey) {
        self.recipientKeyID = recipientKeyID
        self.sealedFileKey = sealedFileKey
    }
}
