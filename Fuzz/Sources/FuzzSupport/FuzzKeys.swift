public import AirlockFormat
import SodiumKit

/// The test keys of `Tests/TestSupport/Fixtures.swift`, derived the same way (that target is not a product).
///
/// `BLAKE2b-256("airlock test key" ‖ 0 ‖ label)` is the secret: these keys are public, never use them.
public enum FuzzKeys {
    static func secretBytes(_ label: String) -> SecureBytes {
        SecureBytes(copying: BLAKE2b.hash(Array("airlock test key\0\(label)".utf8), outputLength: 32))
    }

    /// `Fixtures.offline()`: the recipient every spec vector is sealed to, and the receipt signer.
    public static let offline = OfflineIdentity(
        recipient: try! RecipientSecretKey(secretBytes: secretBytes("offline/x25519")),
        receiptSigner: try! SigningSecretKey(seed: secretBytes("offline/ed25519")))

    /// `Fixtures.packer()`: the trusted signer of every valid spec vector.
    public static let packer = PackerIdentity(signer: try! SigningSecretKey(seed: secretBytes("packer/ed25519")))
}
