import AirlockFormat
import ArchiveStore
import Foundation
import SodiumKit
import TestSupport
import Testing

/// Each documented limit (`Spec/bundle-format.md` §10) exceeded by a correctly signed bundle — the packer key is
/// the forge's, as a compromised online server's would be — is refused with its failure code before the reader
/// allocates for it, and the archive does not change. The decompression bomb's memory is measured in
/// `ResourceLimitTests` (end-to-end), where the importer is a process of its own.
@Suite struct LimitTests {
    let fixture: HostileArchive
    let head: [UInt8]

    init() throws {
        fixture = try HostileArchive()
        head = try fixture.importFirst()
    }

    /// A signed bundle 2 of the fixture chain, edited by `edit`.
    func forged(_ edit: (inout BundleForge) -> Void) -> [UInt8] {
        let members = Fixtures.members(3, start: 10)
        var forge = BundleForge(
            chainID: Fixtures.chainID, recipients: [fixture.offline.publicIdentity.recipient], signer: fixture.packer.signer,
            payload: .init(frames: Fixtures.frames(manifest: Fixtures.manifest(members: members, orders: []), records: members)))
        forge.sequence = 2
        forge.previousHash = head
        forge.chunkSize = 4096
        edit(&forge)
        return forge.build()
    }

    /// Imports `bytes`, expects `code`, and checks nothing but the audit log changed.
    func expectRefused(_ bytes: [UInt8], _ code: String, _ what: Comment, sourceLocation: SourceLocation = #_sourceLocation)
        throws
    {
        let before = try TamperTests.Snapshot(fixture)
        let path = fixture.write(bytes, to: "limit-\(UUID().uuidString).airlock")
        guard case let .failure(error) = try fixture.importOne(path).result else {
            Issue.record("\(what): accepted", sourceLocation: sourceLocation)
            return
        }
        #expect(error.code == code, "\(what): \(error)", sourceLocation: sourceLocation)
        #expect(try TamperTests.Snapshot(fixture) == before, sourceLocation: sourceLocation)
        #expect(try fixture.archive.auditLog().last?.details.contains("\"\(code)\"") == true, sourceLocation: sourceLocation)
    }

    /// A little-endian u32.
    static func le32(_ value: Int) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }

    @Test func aHeaderLongerThan1568BytesIsRefused() throws {
        var bytes = forged { _ in }
        bytes.replaceSubrange(12..<16, with: Self.le32(1569))
        try expectRefused(BundleForge.resign(bytes, with: fixture.packer.signer), "limit-exceeded", "header length 1569")
    }

    @Test func seventeenRecipientStanzasAreRefused() throws {
        let recipients = (0..<17).map { Fixtures.offline("escrow-\($0)").publicIdentity.recipient }
        let bytes = forged { $0.recipients = recipients }
        #expect(bytes[93] == 17)
        try expectRefused(bytes, "limit-exceeded", "17 stanzas")
    }

    @Test func aChunkSizeOverOneMebibyteIsRefused() throws {
        var bytes = forged { _ in }
        bytes.replaceSubrange(88..<92, with: Self.le32(2 << 20))
        try expectRefused(BundleForge.resign(bytes, with: fixture.packer.signer), "non-canonical-header", "2 MiB chunks")
    }

    @Test func aDeclaredPayloadOverTheReadersLimitIsRefusedBeforeDecrypting() throws {
        try expectRefused(forged { $0.declaredPayloadSize = (64 << 30) + 1 }, "limit-exceeded", "64 GiB + 1 declared")
    }

    @Test func aManifestFrameOverOneMebibyteIsRefusedFromItsLengthField() throws {
        // Only the frame's 5-byte head and a few body bytes exist: the length field alone must stop the reader.
        let head: [UInt8] = [1] + Self.le32((1 << 20) + 1) + Array(repeating: 0x7B, count: 64)
        try expectRefused(forged { forge in
            forge.payload = .init(frames: [], compression: .none)
            forge.payload.storedSuffix = head
            forge.declaredPayloadSize = UInt64(head.count)
        }, "limit-exceeded", "manifest of 1 MiB + 1")
    }

    @Test func aRecordFrameOverSixteenMebibytesIsRefusedFromItsLengthField() throws {
        try expectRefused(forged { forge in
            let plaintext = forge.payload.plaintext.count
            forge.payload.compression = .none
            let head: [UInt8] = [2] + Self.le32((16 << 20) + 1) + Array(repeating: 0, count: 64)
            forge.payload.storedSuffix = head
            forge.declaredPayloadSize = UInt64(plaintext + head.count)
        }, "limit-exceeded", "record frame of 16 MiB + 1")
    }

    @Test func aFieldOverOneMebibyteIsRefused() throws {
        var member = Fixtures.members(1, start: 10)[0]
        member.fields[2].value = String(repeating: "名", count: (1 << 20) / 3 + 1)  // 3 UTF-8 bytes each: 1 MiB + 2
        let manifest = Fixtures.manifest(members: [member], orders: [])
        try expectRefused(forged { forge in
            forge.payload = .init(frames: Fixtures.frames(manifest: manifest, records: [member]))
        }, "limit-exceeded", "a name of 1 MiB + 2 bytes")
    }
}
