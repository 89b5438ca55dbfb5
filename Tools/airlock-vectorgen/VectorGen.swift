@_spi(Deterministic) import SodiumKit
import AirlockFormat
import BundleOpening
import Foundation
import TestSupport

/// Writes `Spec/vectors`: every vector file and `vectors.json`, which says what a reader must conclude.
/// Deterministic: the same source gives the same bytes (libsodium's randomness is replaced by a seeded one).
@main
struct VectorGen {
    static func main() throws {
        DeterministicRandomness.install(seed: BLAKE2b.hash(Array("airlock spec vectors v1".utf8), outputLength: 32))
        let folder = CommandLine.arguments.dropFirst().first ?? "Spec/vectors"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let catalog = VectorCatalog()
        var entries: [[String: Any]] = []
        for vector in catalog.all() {
            let file = vector.name + ".airlock"
            try Data(vector.bytes).write(to: URL(fileURLWithPath: folder + "/" + file))
            var entry: [String: Any] = ["file": file, "expect": vector.expect, "description": vector.description]
            if vector.expect == "ok" {
                let path = folder + "/" + file
                let verified = try BundleVerifier.verify(path: path, trustedSigners: [catalog.packer.publicKey])
                let reader = try PayloadReader(verified: verified, recipient: catalog.offline.recipient)
                let hasher = BLAKE2b(outputLength: 32)
                var frames = 0
                while let frame = try reader.nextFrame() {
                    hasher.update(frame.encoded)
                    frames += 1
                }
                entry["bundle_hash"] = Hex.encode(verified.bundleHash)
                entry["payload_blake2b_256"] = Hex.encode(hasher.finalize())
                entry["frames"] = frames
                entry["sequence"] = Int(verified.header.sequence)
            }
            entries.append(entry)
        }
        let keys: [String: String] = [
            "offline_x25519_secret": hex(catalog.offline.recipient.secretBytes),
            "offline_x25519_public": Hex.encode(catalog.offline.recipient.publicKey.bytes),
            "escrow_x25519_secret": hex(catalog.escrow.recipient.secretBytes),
            "packer_ed25519_seed": hex(catalog.packer.signer.seed),
            "packer_ed25519_public": Hex.encode(catalog.packer.publicKey.bytes),
            "untrusted_ed25519_public": Hex.encode(catalog.untrusted.publicKey.bytes),
        ]
        let index: [String: Any] = [
            "format": "airlock-vectors/1",
            "note": "Test keys are public. A reader verifies with packer_ed25519_public as the only trusted signer, then opens with offline_x25519_secret; 'expect' is ok or the failure code of Spec/bundle-format.md.",
            "keys": keys, "vectors": entries,
        ]
        let json = try JSONSerialization.data(withJSONObject: index, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        try (json + Data("\n".utf8)).write(to: URL(fileURLWithPath: folder + "/vectors.json"))
        print("wrote \(entries.count) vectors to \(folder)")
    }

    static func hex(_ secret: SecureBytes) -> String { secret.withUnsafeBytes { Hex.encode(Array($0)) } }
}
