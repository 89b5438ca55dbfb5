public import AirlockFormat
import BundleOpening
public import SodiumKit

/// Runs the spec's acceptance order on a bundle file the way any reader must, for tests.
public enum Acceptance {
    /// What a reader concluded.
    public struct Outcome: Sendable {
        public var verified: VerifiedBundle
        public var manifest: Manifest
        public var records: [ShopRecord]
        /// BLAKE2b-256 of the plaintext payload (every frame, in order).
        public var payloadHash: [UInt8]
        public var frameCount: Int
    }

    /// Verifies, opens and reads every frame, then every record. Throws the first failure.
    public static func run(path: String, trusted: [SigningPublicKey], recipient: RecipientSecretKey) throws(FormatError)
        -> Outcome
    {
        let verified = try BundleVerifier.verify(path: path, trustedSigners: trusted)
        // Pass 1 over frames for the payload hash; pass 2 through the record reader for structure.
        let payload = try PayloadReader(verified: verified, recipient: recipient)
        let hasher = BLAKE2b(outputLength: 32)
        var frames = 0
        while let frame = try payload.nextFrame() {
            hasher.update(frame.encoded)
            frames += 1
        }
        let contents = try BundleContentsReader(verified: verified, recipient: recipient)
        var records: [ShopRecord] = []
        while let record = try contents.next() { records.append(record) }
        return Outcome(
            verified: verified, manifest: contents.manifest, records: records, payloadHash: hasher.finalize(),
            frameCount: frames)
    }

    /// The failure code of running the acceptance order, or `ok`.
    public static func code(path: String, trusted: [SigningPublicKey], recipient: RecipientSecretKey) -> String {
        do {
            _ = try run(path: path, trusted: trusted, recipient: recipient)
            return "ok"
        } catch {
            return error.code
        }
    }
}
