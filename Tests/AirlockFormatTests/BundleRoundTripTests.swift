import AirlockFormat
import BundleOpening
import SodiumKit
import TestSupport
import Testing

@Suite struct BundleRoundTripTests {
    let offline = Fixtures.offline()
    let packer = Fixtures.packer()

    func write(_ records: [ShopRecord], in folder: TemporaryDirectory, chunkSize: UInt32 = 4096,
        compression: BundleHeader.Compression = .zstd, sequence: UInt64 = 1, previous: [UInt8] = .init(repeating: 0, count: 32)
    ) throws -> (String, WrittenBundle) {
        let path = folder.file("b-\(sequence).airlock")
        let members = records.filter { $0.kind == .member }
        let orders = records.filter { $0.kind == .order }
        let written = try BundleWriter.write(
            path: path,
            parameters: BundleParameters(
                chainID: Fixtures.chainID, sequence: sequence, previousHash: previous, createdAt: 1_764_000_000,
                recipients: [offline.recipient.publicKey], chunkSize: chunkSize, compression: compression),
            signer: packer.signer, manifest: Fixtures.manifest(members: members, orders: orders), records: records)
        return (path, written)
    }

    @Test(arguments: [BundleHeader.Compression.zstd, .none], [UInt32(4096), 65_536])
    func recordsSurviveTheRoundTrip(compression: BundleHeader.Compression, chunkSize: UInt32) throws {
        let folder = TemporaryDirectory()
        let records = Fixtures.members(300) + Fixtures.orders(200)
        let (path, written) = try write(records, in: folder, chunkSize: chunkSize, compression: compression)
        let outcome = try Acceptance.run(path: path, trusted: [packer.publicKey], recipient: offline.recipient)
        #expect(outcome.records == records)
        #expect(outcome.verified.bundleHash == written.bundleHash)
        #expect(outcome.verified.byteCount == written.byteCount)
        #expect(outcome.manifest.counts == .init(members: 300, orders: 200))
    }

    @Test func theHeaderParsesBackToItself() throws {
        let folder = TemporaryDirectory()
        let (path, written) = try write(Fixtures.members(2), in: folder)
        let parsed = try BundleVerifier.readHeader(path: path)
        #expect(parsed == written.header)
        #expect(parsed.encoded.count == BundleHeader.encodedLength(recipients: 1))
    }

    @Test func chainedBundlesCarryThePreviousHash() throws {
        let folder = TemporaryDirectory()
        let (_, first) = try write(Fixtures.members(2), in: folder)
        let (path, _) = try write(Fixtures.members(2, start: 3), in: folder, sequence: 2, previous: first.bundleHash)
        let header = try BundleVerifier.readHeader(path: path)
        #expect(header.previousHash == first.bundleHash)
    }

    @Test func anUntrustedSignerIsNamed() throws {
        let folder = TemporaryDirectory()
        let (path, _) = try write(Fixtures.members(1), in: folder)
        let other = Fixtures.packer("other").publicKey
        #expect(throws: FormatError.unknownSigner(KeyID(packer.publicKey))) {
            try BundleVerifier.verify(path: path, trustedSigners: [other])
        }
    }

    @Test func everyFlippedHeaderByteIsRejected() throws {
        let folder = TemporaryDirectory()
        let (path, _) = try write(Fixtures.members(3), in: folder)
        let original = try #require(readAll(path))
        let headerLength = BundleHeader.encodedLength(recipients: 1)
        for offset in 0..<headerLength {
            var bytes = original
            bytes[offset] ^= 0x01
            let tampered = folder.write(bytes, to: "t.airlock")
            let code = Acceptance.code(path: tampered, trusted: [packer.publicKey], recipient: offline.recipient)
            #expect(code != "ok", "byte \(offset)")
        }
    }

    @Test func writingNeverLeavesAPartialFile() throws {
        let folder = TemporaryDirectory()
        let path = folder.file("x.airlock")
        do {
            let writer = try BundleWriter(
                path: path,
                parameters: BundleParameters(
                    chainID: Fixtures.chainID, sequence: 1, previousHash: .init(repeating: 0, count: 32), createdAt: 0,
                    recipients: [offline.recipient.publicKey]),
                payloadSize: 1_000_000, signer: packer.signer)
            try writer.write(PayloadFrame(kind: .manifest, body: Array(repeating: 7, count: 100)))
            // Abandoned before finish(): the writer is released here.
        }
        #expect(try FileSystem.list(folder.path).isEmpty)
    }

    func readAll(_ path: String) -> [UInt8]? { FileSystem.read(path) }
}
