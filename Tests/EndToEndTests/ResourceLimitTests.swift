import AirlockFormat
import Foundation
import SodiumKit
import TestSupport
import Testing

/// A decompression bomb through the real importer process: refused with `payload-size-exceeded` while the
/// process's peak resident memory (from `wait4`) stays small. The other limits are in `ArchiveStoreTests.LimitTests`.
@Suite struct ResourceLimitTests {
    /// One zstd frame (RFC 8878) that expands to `manifest` followed by `rleBlocks` × 128 KiB of `0x02`:
    /// a raw block, then RLE blocks of 4 bytes each. The window descriptor says 8 MiB, the format's maximum, so
    /// the frame is refused only for what it expands to.
    static func bomb(manifest: [UInt8], rleBlocks: Int) -> [UInt8] {
        var frame: [UInt8] = [0x28, 0xB5, 0x2F, 0xFD, 0x00, 0x68]  // magic; no content size; window 2^23
        func blockHeader(size: Int, type: Int, last: Bool) -> [UInt8] {
            let value = size << 3 | type << 1 | (last ? 1 : 0)
            return [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF)]
        }
        frame += blockHeader(size: manifest.count, type: 0, last: false) + manifest
        for index in 0..<rleBlocks {
            frame += blockHeader(size: 128 << 10, type: 1, last: index == rleBlocks - 1) + [0x02]
        }
        return frame
    }

    @Test func aDecompressionBombIsRefusedWithinASmallMemoryBound() throws {
        let store = try HostileStore()
        let members = Fixtures.members(1)
        let manifest = PayloadFrame(kind: .manifest, body: Fixtures.manifest(members: members, orders: []).encoded()).encoded
        // 32,768 RLE blocks: 4 GiB of plaintext from 128 KiB of ciphertext, declared as the manifest plus 1 KiB.
        let bomb = Self.bomb(manifest: manifest, rleBlocks: 32_768)
        #expect(bomb.count < 200_000)
        var forge = BundleForge(
            chainID: Fixtures.chainID, recipients: [store.offline.publicIdentity.recipient], signer: store.packer.signer,
            payload: .init(frames: [], compression: .none))
        forge.payload.storedSuffix = bomb
        forge.editHeader = { $0.compression = .zstd }
        forge.declaredPayloadSize = UInt64(manifest.count + 1024)
        let path = store.directory.write(forge.build(), to: "bomb.airlock")

        let outcome = try Spawned.run("airlock-unpack", ["import", path, "--store", store.store, "--json"])
        #expect(outcome.status == 10, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("\"code\" : \"payload-size-exceeded\""), "\(outcome.stdout)")
        #expect(outcome.stderr.contains("decompression bomb"))
        // A bound, not a speed or size target: 4 GiB were on offer; the importer needs a few tens of MiB.
        #expect(outcome.peakKiB > 0 && outcome.peakKiB < 200 << 10, "peak RSS \(outcome.peakKiB) KiB")

        // The same bomb declared at its full size is refused for its first record frame instead — still without the memory.
        forge.declaredPayloadSize = UInt64(manifest.count) + UInt64(32_768) << 17
        let declared = store.directory.write(forge.build(), to: "declared-bomb.airlock")
        let second = try Spawned.run("airlock-unpack", ["import", declared, "--store", store.store, "--json"])
        #expect(second.status == 10, "\(second.stderr)")
        // After the manifest, 02 02 02 02 02 reads as a record frame of 0x02020202 bytes: over the 16 MiB limit.
        #expect(second.stdout.contains("\"code\" : \"limit-exceeded\""), "\(second.stdout)")
        #expect(second.peakKiB < 200 << 10, "peak RSS \(second.peakKiB) KiB")
        #expect(try store.run("check").status == 0)
    }
}
