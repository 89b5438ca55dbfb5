package import SodiumKit

/// Domain-separation strings and key-derivation constants of format v1 (spec: "Derived values").
enum Domain {
    /// Prefix of the message the packer signs: this ‖ BLAKE2b-512(header ‖ ciphertext).
    static let bundleSignature = Array("airlock/v1/bundle-signature".utf8) + [0]
    /// Prefix of the bundle hash input: this ‖ BLAKE2b-512(header ‖ ciphertext) ‖ signature.
    static let bundleHash = Array("airlock/v1/bundle-hash".utf8) + [0]
    /// `crypto_kdf` context for keys derived from the file key.
    static let fileKeyContext = "ALKFILE1"
    /// Subkey id of the secretstream payload key.
    static let payloadKeyID: UInt64 = 1
    /// Subkey id of the key-commitment key.
    static let commitmentKeyID: UInt64 = 2
}

extension FileKey {
    /// The secretstream key of the payload.
    package var payloadKey: SymmetricKey { deriveKey(id: Domain.payloadKeyID, context: Domain.fileKeyContext) }

    /// The key commitment over `headerPrefix` (every header byte before the commitment).
    package func commitment(over headerPrefix: [UInt8]) -> [UInt8] {
        deriveKey(id: Domain.commitmentKeyID, context: Domain.fileKeyContext).authenticate(headerPrefix)
    }
}

/// The bundle's identity in its chain: `BLAKE2b-256(domain ‖ contentHash ‖ signature)`.
func bundleHash(contentHash: [UInt8], signature: Signature) -> [UInt8] {
    BLAKE2b.hash(Domain.bundleHash + contentHash + signature.bytes, outputLength: 32)
}

/// The message the packer signs.
func signedMessage(contentHash: [UInt8]) -> [UInt8] { Domain.bundleSignature + contentHash }
