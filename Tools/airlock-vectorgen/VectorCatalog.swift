import AirlockFormat
import SodiumKit
import TestSupport

/// One vector: a file, and what a reader must conclude about it.
struct Vector {
    var name: String
    var description: String
    /// `ok`, or the failure code a reader must report (`FormatError.code`).
    var expect: String
    var bytes: [UInt8]
}

/// Every vector in `Spec/vectors`, built from fixed keys with deterministic randomness.
struct VectorCatalog {
    let offline = Fixtures.offline()
    let escrow = Fixtures.offline("escrow")
    let stranger = Fixtures.offline("stranger")
    let packer = Fixtures.packer()
    let untrusted = Fixtures.packer("untrusted")

    func forge(_ records: [ShopRecord], compression: BundleHeader.Compression = .zstd) -> BundleForge {
        let members = records.filter { $0.kind == .member }
        let orders = records.filter { $0.kind == .order }
        let frames = Fixtures.frames(manifest: Fixtures.manifest(members: members, orders: orders), records: records)
        return BundleForge(
            chainID: Fixtures.chainID, recipients: [offline.recipient.publicKey], signer: packer.signer,
            payload: .init(frames: frames, compression: compression))
    }

    var basicRecords: [ShopRecord] { Fixtures.members(3) + Fixtures.orders(2) }
    /// Enough incompressible-ish records for several 4 KiB chunks.
    var largerRecords: [ShopRecord] { Fixtures.members(60) + Fixtures.orders(40) }

    func all() -> [Vector] {
        var vectors: [Vector] = []
        func add(_ name: String, _ expect: String, _ description: String, _ bytes: [UInt8]) {
            vectors.append(Vector(name: name, description: description, expect: expect, bytes: bytes))
        }
        let basic = forge(basicRecords).build()
        add("valid-basic", "ok", "One recipient, zstd, 64 KiB chunks: 3 members and 2 orders with CJK text.", basic)

        var twoRecipients = forge(largerRecords, compression: .none)
        twoRecipients.recipients = [offline.recipient.publicKey, escrow.recipient.publicKey]
        twoRecipients.chunkSize = 4096
        add("valid-two-recipients", "ok", "Offline and escrow recipients, no compression, 4 KiB chunks (many chunks).",
            twoRecipients.build())

        var second = forge(Fixtures.members(2, start: 4))
        second.sequence = 2
        second.previousHash = Self.bundleHashOf(basic)
        add("valid-chain-2", "ok", "Sequence 2, linked to valid-basic by its bundle hash.", second.build())

        // Structure, checked before anything cryptographic.
        add("bad-magic", "bad-magic", "First byte of the magic changed.", edit(basic) { $0[0] = 0x00 })
        add("text-mode-damage", "text-mode-damage", "CR LF pairs turned into LF, as a text-mode copy does.",
            Self.crlfToLF(basic))
        add("unsupported-version", "unsupported-version", "Format version 2.", edit(basic) { $0[8] = 2 })
        add("unsupported-suite", "unsupported-suite", "Crypto suite 9.", edit(basic) { $0[10] = 9 })
        add("header-length-mismatch", "non-canonical-header", "Header length field one more than the stanza count gives.",
            edit(basic) { $0[12] &+= 1 })
        add("reserved-not-zero", "non-canonical-header", "Reserved bytes 94–95 not zero.", edit(basic) { $0[94] = 1 })
        add("chunk-size-not-power-of-two", "non-canonical-header", "Chunk size 5000.",
            edit(basic) { Self.put(UInt32(5000), at: 88, in: &$0) })
        add("unknown-compression", "non-canonical-header", "Compression byte 7.", edit(basic) { $0[92] = 7 })
        add("sequence-1-with-previous", "non-canonical-header", "Sequence 1 but a non-zero previous hash.",
            edit(basic) { $0[40] = 1 })
        add("zero-recipients", "non-canonical-header", "Recipient count 0.", edit(basic) { $0[93] = 0 })
        add("too-many-recipients", "limit-exceeded", "Recipient count 17, over the limit of 16.",
            edit(basic) { $0[93] = 17 })
        var unsorted = forge(basicRecords)
        unsorted.recipients = [offline.recipient.publicKey, escrow.recipient.publicKey]
        unsorted.editHeader = { $0.stanzas.reverse() }
        add("stanzas-unsorted", "non-canonical-header", "Two stanzas in descending key-id order.", unsorted.build())
        add("truncated-in-header", "truncated", "The file ends inside the header.", Array(basic.prefix(100)))

        // Authenticity: the signature covers header and ciphertext.
        add("tampered-header-byte", "bad-signature", "One bit of the chain id flipped.", edit(basic) { $0[16] ^= 1 })
        add("tampered-ciphertext", "bad-signature", "One bit of the first chunk flipped.",
            edit(basic) { $0[BundleHeader.encodedLength(recipients: 1) + 5] ^= 0x80 })
        add("tampered-signature", "bad-signature", "One bit of the signature flipped.", edit(basic) { $0[$0.count - 1] ^= 1 })
        add("trailing-garbage", "bad-signature", "Eight bytes appended after the signature.", basic + Array("GARBAGE!".utf8))
        let large = twoRecipients.build()
        let headerTwo = BundleHeader.encodedLength(recipients: 2)
        add("truncated-at-chunk-boundary", "bad-signature", "Cut after the first 4 KiB chunk (not re-signed).",
            Array(large.prefix(headerTwo + 4096 + 17)))
        var untrustedForge = forge(basicRecords)
        untrustedForge.signer = untrusted.signer
        add("unknown-signer", "unknown-signer", "Signed by a packer key the reader does not trust.", untrustedForge.build())

        // Keys: which recipient, and whether the stanza belongs to this bundle.
        var stranger = forge(basicRecords)
        stranger.recipients = [self.stranger.recipient.publicKey]
        add("wrong-recipient", "not-a-recipient", "Sealed to another offline key only.", stranger.build())
        var garbled = forge(basicRecords)
        garbled.editAfterCommitment = { header in
            var bytes = header.stanzas[0].sealedFileKey.bytes
            bytes[40] ^= 1
            header.stanzas[0].sealedFileKey = try! SealedFileKey(bytes: bytes)
        }
        add("stanza-altered", "stanza-open-failed", "The sealed file key altered, re-signed by the packer.", garbled.build())
        let donor = forge(basicRecords)
        var moved = forge(basicRecords)
        let donorStanza = donor.header().stanzas[0]
        moved.editAfterCommitment = { $0.stanzas[0] = donorStanza }
        add("stanza-from-another-bundle", "key-commitment-mismatch",
            "The stanza copied from another bundle to the same recipient, re-signed.", moved.build())

        // Payload stream: re-signed, so only decryption can tell.
        var noFinal = forge(largerRecords, compression: .none)
        noFinal.chunkSize = 4096
        noFinal.tag = { _, _ in .message }
        add("missing-final-chunk", "missing-final-chunk", "No chunk is tagged final, re-signed.", noFinal.build())
        var dropped = forge(largerRecords, compression: .none)
        dropped.chunkSize = 4096
        dropped.editChunks = { $0.removeLast() }
        add("truncated-at-chunk-boundary-resigned", "missing-final-chunk",
            "The final chunk removed and the rest re-signed.", dropped.build())
        var twoFinals = forge(largerRecords, compression: .none)
        twoFinals.chunkSize = 4096
        twoFinals.tag = { index, count in index >= count - 2 ? .final : .message }
        add("two-final-chunks", "data-after-final-chunk", "The last two chunks tagged final, re-signed.", twoFinals.build())
        var tail = forge(basicRecords)
        tail.editChunks = { $0.append([UInt8](repeating: 0xA5, count: 5)) }
        add("trailing-bytes-after-final", "chunk-authentication-failed",
            "Five bytes after a short final chunk, re-signed: they fall inside the last chunk, which fails to authenticate.",
            tail.build())
        var stub = forge(largerRecords, compression: .none)
        stub.chunkSize = 4096
        let storedCount = stub.payload.stored.count
        stub.payload.storedSuffix = [UInt8](repeating: 0, count: (4096 - storedCount % 4096) % 4096)
        stub.editChunks = { $0.append([UInt8](repeating: 0xA5, count: 9)) }
        add("stub-after-full-chunks", "truncated",
            "A full final chunk followed by nine bytes, too short to be a chunk, re-signed.", stub.build())
        var swapped = forge(largerRecords, compression: .none)
        swapped.chunkSize = 4096
        swapped.editChunks = { $0.swapAt(0, 1) }
        add("chunks-reordered", "chunk-authentication-failed", "The first two chunks swapped, re-signed.", swapped.build())
        var wrongAD = forge(basicRecords)
        wrongAD.additionalData = { _ in [UInt8](repeating: 0, count: 32) }
        add("chunk-bound-to-other-header", "chunk-authentication-failed",
            "Chunks encrypted with another header hash as additional data, re-signed.", wrongAD.build())

        // Sizes and compression.
        var bomb = forge(basicRecords)
        bomb.declaredPayloadSize = 100
        add("decompression-over-declared-size", "payload-size-exceeded",
            "The header declares 100 bytes; the payload decompresses to more.", bomb.build())
        var short = forge(basicRecords)
        short.declaredPayloadSize = UInt64(short.payload.plaintext.count + 1)
        add("payload-shorter-than-declared", "payload-size-mismatch", "The header declares one byte more than there is.",
            short.build())
        var notZstd = forge(basicRecords, compression: .none)
        notZstd.editHeader = { $0.compression = .zstd }
        add("not-zstd", "decompression-failed", "Declared zstd, stored uncompressed.", notZstd.build())

        // Frames and manifest.
        let members = Fixtures.members(2)
        var noManifest = forge(members)
        noManifest.payload.frames.removeFirst()
        add("manifest-not-first", "malformed-payload", "The first frame is a member record.", noManifest.build())
        var unknownFrame = forge(members)
        unknownFrame.payload.frames.append(PayloadFrame(kind: .member, body: []))
        unknownFrame.payload.frames[unknownFrame.payload.frames.count - 1].kind = .member
        unknownFrame.payload = .init(frames: unknownFrame.payload.frames.dropLast(), compression: .zstd)
        unknownFrame.payload.frames.append(PayloadFrame(kind: .member, body: RecordCodec.encode(members[0])))
        add("count-mismatch", "manifest-mismatch", "Three member records where the manifest declares two.",
            unknownFrame.build())
        var badType = forge(members, compression: .none)
        badType.payload.storedSuffix = [9, 0, 0, 0, 0]
        badType.declaredPayloadSize = UInt64(badType.payload.plaintext.count + 5)
        add("unknown-frame-type", "malformed-payload", "A frame of type 9.", badType.build())
        var hugeFrame = forge(members, compression: .none)
        hugeFrame.payload.storedSuffix = [2, 0xFF, 0xFF, 0xFF, 0x7F]
        hugeFrame.declaredPayloadSize = UInt64(hugeFrame.payload.plaintext.count + 5)
        add("frame-over-limit", "limit-exceeded", "A member frame declaring 2 GiB.", hugeFrame.build())
        return vectors
    }

    func edit(_ bytes: [UInt8], _ change: (inout [UInt8]) -> Void) -> [UInt8] {
        var copy = bytes
        change(&copy)
        return copy
    }

    static func put(_ value: UInt32, at offset: Int, in bytes: inout [UInt8]) {
        for index in 0..<4 { bytes[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * index)) }
    }

    static func crlfToLF(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A {
                index += 1
                continue
            }
            out.append(bytes[index])
            index += 1
        }
        return out
    }

    static func bundleHashOf(_ file: [UInt8]) -> [UInt8] {
        let content = BLAKE2b.hash(Array(file.dropLast(64)), outputLength: 64)
        return BLAKE2b.hash(Array("airlock/v1/bundle-hash".utf8) + [0] + content + Array(file.suffix(64)), outputLength: 32)
    }
}
