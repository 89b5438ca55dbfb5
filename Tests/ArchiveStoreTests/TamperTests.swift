import AirlockFormat
import ArchiveStore
import Foundation
import SodiumKit
import TestSupport
import Testing

/// Someone handling the USB stick alters or cuts a bundle: every such file is refused with the failure the spec
/// names for it, through the real importer (`Archive.importBundles`) on a real SQLite archive, and the archive's
/// records, stored bundles and chain heads do not move; only the audit log records each rejection.
///
/// The bulk runs in-process because thousands of processes would take minutes; `EndToEndTests.TamperCLITests` repeats
/// a sample through `airlock-unpack import` for the exit code and the stderr line.
@Suite struct TamperTests {
    /// The archive as a tampered import must leave it.
    struct Snapshot: Equatable {
        var members: Int
        var orders: Int
        var bundles: [String]
        var heads: [String]
        var files: [String]

        init(_ fixture: HostileArchive) throws {
            (members, orders) = try fixture.archive.recordCounts()
            bundles = try fixture.archive.bundles().map { "\($0.chain)/\($0.sequence)/\($0.bundleHash)" }
            heads = try fixture.archive.chainHeads().map { "\($0.chain)/\($0.sequence)/\($0.bundleHash)" }
            files = fixture.storedFiles
        }
    }

    /// An archive holding bundle 1 of the fixture chain, and bundle 2 (not imported) as bytes.
    static func prepared(members: Int, orders: Int) throws -> (HostileArchive, path: String, bytes: [UInt8]) {
        let fixture = try HostileArchive()
        let first = try fixture.importFirst()
        let path = try fixture.bundle(
            sequence: 2, previousHash: first, members: Fixtures.members(members, start: 100),
            orders: Fixtures.orders(orders, start: 100)).path
        return (fixture, path, try #require(FileSystem.read(path)))
    }

    /// The failure the spec (§3.3, §7 steps 1–4) names for a bundle whose byte `offset` of the header now holds
    /// `bytes[offset]`, everything else intact. Derived from the spec's header table, not from the reader: one
    /// flipped byte changes exactly one field, and the field decides the failure.
    static func expectedHeaderFailure(_ bytes: [UInt8], offset: Int, trustedSigner: KeyID) -> String {
        func u(_ range: Range<Int>) -> UInt64 {
            range.reversed().reduce(0) { $0 << 8 | UInt64(bytes[$1]) }
        }
        let headerLength = 160 + 88 * Int(bytes[93])
        switch offset {
        case 0..<4: return "bad-magic"
        case 4..<8: return "text-mode-damage"
        case 8..<10: return "unsupported-version"
        case 10..<12: return "unsupported-suite"
        case 12..<16: return u(12..<16) > 1568 ? "limit-exceeded" : "non-canonical-header"
        case 32..<40:
            let sequence = u(32..<40)
            return sequence == 0 || sequence > UInt64(Int64.max) || sequence == 1 ? "non-canonical-header" : "bad-signature"
        case 40..<72:
            let zero = bytes[40..<72].allSatisfy { $0 == 0 }
            return zero != (u(32..<40) == 1) ? "non-canonical-header" : "bad-signature"
        case 80..<88:
            return Array(bytes[80..<88]) == trustedSigner.bytes ? "bad-signature" : "untrusted-signer"
        case 88..<92:
            let chunk = u(88..<92)
            guard (4096...1_048_576).contains(chunk), chunk.nonzeroBitCount == 1 else { return "non-canonical-header" }
            // Another valid chunk size: step 3 splits the ciphertext anew; a last block under 17 bytes is truncated.
            let ciphertext = UInt64(bytes.count - headerLength - 64)
            let block = chunk + 17
            let last = ciphertext - (ciphertext + block - 1) / block * block + block
            return last < 17 ? "truncated" : "bad-signature"
        case 92: return bytes[92] > 1 ? "non-canonical-header" : "bad-signature"
        case 93: return bytes[93] > 16 ? "limit-exceeded" : "non-canonical-header"
        case 94..<96: return "non-canonical-header"
        case 96..<104:
            let size = u(96..<104)
            return size == 0 ? "non-canonical-header" : size > 64 << 30 ? "limit-exceeded" : "bad-signature"
        default:
            // chain id, created at, stream header, stanza, key commitment: only the signature notices.
            return "bad-signature"
        }
    }

    @Test func everyHeaderByteAndTwoThousandPayloadAndTrailerBytesFlippedAreRefused() throws {
        let (fixture, original, bytes) = try Self.prepared(members: 1500, orders: 400)
        let header = try BundleVerifier.readHeader(path: original)
        let headerLength = header.encoded.count
        // The region after the header: ciphertext chunks and the signature (the "trailer").
        let tail = Array(headerLength..<bytes.count)
        try #require(tail.count > 8000, "the bundle should span several chunks; it has \(tail.count) bytes after the header")
        var random = SeededRandom(seed: 0xA1B2_C3D4)
        let sampled = Array(tail.shuffled(using: &random).prefix(2000)).sorted()
        // Always include the ends of each region: the first ciphertext byte, the last chunk's tag, the signature.
        let positions = Array(0..<headerLength) + Array(Set(sampled + [headerLength, bytes.count - 65, bytes.count - 64, bytes.count - 1])).sorted()

        let before = try Snapshot(fixture)
        let auditBefore = try fixture.archive.auditLog().count
        let trusted = KeyID(fixture.packer.publicKey)
        let target = fixture.file("tampered.airlock")
        var byCode: [String: Int] = [:]
        for offset in positions {
            var copy = bytes
            copy[offset] ^= UInt8.random(in: 1...255, using: &random)
            let expected = offset < headerLength
                ? Self.expectedHeaderFailure(copy, offset: offset, trustedSigner: trusted) : "bad-signature"
            try Data(copy).write(to: URL(fileURLWithPath: target))
            switch try fixture.importOne(target).result {
            case .success: Issue.record("byte \(offset) flipped: the bundle was accepted")
            case let .failure(error):
                #expect(error.code == expected, "byte \(offset) (\(bytes[offset]) → \(copy[offset])): \(error)")
                byCode[error.code, default: 0] += 1
            }
        }
        #expect(try Snapshot(fixture) == before)
        let audit = try fixture.archive.auditLog()
        #expect(audit.count == auditBefore + positions.count)
        #expect(audit.dropFirst(auditBefore).allSatisfy { $0.event == "reject" })
        // The sample reached every kind of header failure, not just the signature.
        #expect(Set(byCode.keys).isSuperset(of: [
            "bad-magic", "text-mode-damage", "unsupported-version", "unsupported-suite", "non-canonical-header",
            "limit-exceeded", "untrusted-signer", "bad-signature",
        ]))
        #expect(positions.count >= headerLength + 2000)

        let report = try fixture.archive.check(identity: fixture.offline)
        #expect(report.isSound, "\(report.problems)")
        let summary = try fixture.importOne(original).result.get()
        #expect(summary.sequence == 2 && summary.members == 1500 && summary.orders == 400)
        #expect(try fixture.archive.recordCounts() == (1503, 401))
    }

    /// A bundle of several 4 KiB chunks, stored without compression so its size is known in advance.
    static func chunked(_ fixture: HostileArchive, previousHash: [UInt8], members: Int) -> BundleForge {
        let records = Fixtures.members(members, start: 500)
        var forge = BundleForge(
            chainID: Fixtures.chainID, recipients: [fixture.offline.publicIdentity.recipient], signer: fixture.packer.signer,
            payload: .init(frames: Fixtures.frames(manifest: Fixtures.manifest(members: records, orders: []), records: records),
                compression: .none))
        forge.sequence = 2
        forge.previousHash = previousHash
        forge.chunkSize = 4096
        return forge
    }

    /// What a reader must say about the first `cut` bytes of a bundle with a `headerLength`-byte header and
    /// `chunkSize`-byte chunks (§7 steps 1, 3 and 4).
    static func expectedCutFailure(cut: Int, headerLength: Int, chunkSize: Int) -> String {
        if cut < 4 { return "bad-magic" }  // too short to tell it is an Airlock file at all
        if cut < headerLength { return "truncated" }
        let ciphertext = cut - headerLength - 64
        if ciphertext < 17 { return "truncated" }
        let block = chunkSize + 17
        let last = ciphertext - (ciphertext - 1) / block * block
        return last < 17 ? "truncated" : "bad-signature"
    }

    @Test func everyCutAtAChunkBoundaryAndAtRandomPointsIsRefused() throws {
        let fixture = try HostileArchive()
        let forge = Self.chunked(fixture, previousHash: try fixture.importFirst(), members: 200)
        let bytes = forge.build()
        let headerLength = BundleHeader.encodedLength(recipients: 1)
        let block = 4096 + 17
        let ciphertext = bytes.count - headerLength - 64
        let chunks = (ciphertext + block - 1) / block
        try #require(chunks >= 5)
        var cuts = Set<Int>()
        for index in 0...chunks {
            let boundary = min(headerLength + index * block, bytes.count - 64)
            cuts.formUnion([boundary - 1, boundary, boundary + 1, boundary + 16, boundary + 17])
        }
        cuts.formUnion(0..<headerLength)
        cuts.formUnion([bytes.count - 64, bytes.count - 63, bytes.count - 1])
        var random = SeededRandom(seed: 0x7E57_C075)
        for _ in 0..<300 { cuts.insert(Int.random(in: 0..<bytes.count, using: &random)) }

        let before = try Snapshot(fixture)
        let target = fixture.file("cut.airlock")
        for cut in cuts.sorted() where cut < bytes.count {
            try Data(bytes[0..<cut]).write(to: URL(fileURLWithPath: target))
            guard case let .failure(error) = try fixture.importOne(target).result else {
                Issue.record("cut at \(cut) of \(bytes.count) was accepted")
                continue
            }
            #expect(error.code == Self.expectedCutFailure(cut: cut, headerLength: headerLength, chunkSize: 4096),
                "cut at \(cut): \(error)")
        }
        // A compromised packer key can re-sign a cut file: the missing final chunk is still noticed, and a file
        // without any chunk is truncated.
        for index in 0..<chunks {
            let content = Array(bytes[0..<(headerLength + index * block)])
            let path = fixture.write(BundleForge.sign(content, with: fixture.packer.signer), to: "resigned-\(index).airlock")
            guard case let .failure(error) = try fixture.importOne(path).result else {
                Issue.record("re-signed cut after \(index) chunks was accepted")
                continue
            }
            #expect(error.code == (index == 0 ? "truncated" : "missing-final-chunk"), "re-signed after \(index) chunks: \(error)")
        }
        #expect(try Snapshot(fixture) == before)
        #expect(try fixture.archive.check(identity: fixture.offline).isSound)
        let whole = fixture.write(bytes, to: "whole.airlock")
        #expect(try fixture.importOne(whole).result.get().members == 200)
    }
}

/// A real archive on a RAM-backed folder (`/dev/shm` when there is one): the same importer and SQLite file as on
/// disk, without an `fsync` per rejected import, so thousands of imports fit in seconds. Durability under
/// crashes is tested on disk by `EndToEndTests.CrashTests`.
final class HostileArchive {
    static let fixedTime = Date(timeIntervalSince1970: 1_764_000_000)
    let folder: String
    let offline = Fixtures.offline()
    let packer = Fixtures.packer()
    let archive: Archive

    init() throws {
        let base = FileManager.default.isWritableFile(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        folder = base + "/airlock-hostile-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        archive = try Archive.create(
            at: folder + "/store", offlineKeyPath: folder + "/offline.key", identity: offline.publicIdentity,
            trusting: [packer.publicKey], clock: { HostileArchive.fixedTime })
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    func file(_ name: String) -> String { folder + "/" + name }

    @discardableResult
    func write(_ bytes: [UInt8], to name: String) -> String {
        let path = file(name)
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    /// Writes a bundle of the fixture chain with `BundleWriter` (4 KiB chunks).
    func bundle(
        sequence: UInt64, previousHash: [UInt8], members: [ShopRecord], orders: [ShopRecord] = []
    ) throws -> (path: String, hash: [UInt8]) {
        let path = file("bundle-\(sequence)-\(UUID().uuidString.prefix(8)).airlock")
        let written = try BundleWriter.write(
            path: path,
            parameters: BundleParameters(
                chainID: Fixtures.chainID, sequence: sequence, previousHash: previousHash,
                createdAt: 1_764_000_000 + Int64(sequence), recipients: [offline.publicIdentity.recipient], chunkSize: 4096),
            signer: packer.signer, manifest: Fixtures.manifest(members: members, orders: orders), records: members + orders)
        return (path, written.bundleHash)
    }

    /// The first bundle of the chain, imported; returns its hash.
    func importFirst() throws -> [UInt8] {
        let first = try bundle(sequence: 1, previousHash: Array(repeating: 0, count: 32), members: Fixtures.members(3), orders: Fixtures.orders(1))
        _ = try importOne(first.path).result.get()
        return first.hash
    }

    func importOne(_ path: String) throws -> ImportOutcome {
        try #require(try archive.importBundles(at: [path], identity: offline).first)
    }

    var storedFiles: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: archive.layout.bundles)) ?? []).sorted()
    }
}

/// SplitMix64, for positions and cuts that are the same on every run.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
