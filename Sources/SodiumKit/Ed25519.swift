internal import CSodium

/// An Ed25519 public key: checks signatures (`crypto_sign_verify_detached`).
public struct SigningPublicKey: Hashable, Sendable {
    /// The 32 raw bytes.
    public let bytes: [UInt8]

    /// Wraps 32 raw bytes.
    /// - Throws: ``SodiumError/invalidLength(what:expected:actual:)``.
    public init(bytes: [UInt8]) throws(SodiumError) {
        let expected = Int(crypto_sign_publickeybytes())
        guard bytes.count == expected else {
            throw .invalidLength(what: "an Ed25519 public key", expected: expected, actual: bytes.count)
        }
        self.bytes = bytes
    }

    /// True when `signature` is a valid Ed25519 signature of `message` by this key.
    public func isValidSignature(_ signature: Signature, for message: [UInt8]) -> Bool {
        try? Sodium.ensureInitialized()
        return crypto_sign_verify_detached(signature.bytes, message, UInt64(message.count), bytes) == 0
    }
}

/// A detached Ed25519 signature (64 bytes).
public struct Signature: Hashable, Sendable {
    /// The 64 raw bytes.
    public let bytes: [UInt8]

    /// Wraps 64 raw bytes.
    /// - Throws: ``SodiumError/invalidLength(what:expected:actual:)``.
    public init(bytes: [UInt8]) throws(SodiumError) {
        let expected = Int(crypto_sign_bytes())
        guard bytes.count == expected else {
            throw .invalidLength(what: "an Ed25519 signature", expected: expected, actual: bytes.count)
        }
        self.bytes = bytes
    }
}

/// An Ed25519 secret key in guarded memory: libsodium's 64-byte expanded form (seed ‖ public key).
public final class SigningSecretKey: Sendable {
    private let expanded: SecureBytes
    /// The matching public key.
    public let publicKey: SigningPublicKey

    /// A fresh random key.
    public convenience init() {
        try! self.init(seed: SecureBytes.random(count: Int(crypto_sign_seedbytes())))
    }

    /// Derives the key from its 32-byte seed (`crypto_sign_seed_keypair`).
    /// - Throws: ``SodiumError/invalidLength(what:expected:actual:)``, ``SodiumError/keyGenerationFailed``.
    public init(seed: SecureBytes) throws(SodiumError) {
        let expectedSeed = Int(crypto_sign_seedbytes())
        guard seed.count == expectedSeed else {
            throw .invalidLength(what: "an Ed25519 seed", expected: expectedSeed, actual: seed.count)
        }
        try Sodium.ensureInitialized()
        var publicBytes = [UInt8](repeating: 0, count: Int(crypto_sign_publickeybytes()))
        expanded = try SecureBytes(count: Int(crypto_sign_secretkeybytes())) { (buffer) throws(SodiumError) in
            let status = seed.withUnsafeBytes { seedBytes in
                crypto_sign_seed_keypair(&publicBytes, buffer.typed, seedBytes.typed)
            }
            try check(status, else: .keyGenerationFailed)
        }
        publicKey = try SigningPublicKey(bytes: publicBytes)
    }

    /// The 32-byte seed, for storing the key (`crypto_sign_ed25519_sk_to_seed`).
    public var seed: SecureBytes {
        SecureBytes(count: Int(crypto_sign_seedbytes())) { buffer in
            expanded.withUnsafeBytes { key in _ = crypto_sign_ed25519_sk_to_seed(buffer.typed, key.typed) }
        }
    }

    /// Signs `message` (`crypto_sign_detached`).
    public func sign(_ message: [UInt8]) -> Signature {
        var signature = [UInt8](repeating: 0, count: Int(crypto_sign_bytes()))
        expanded.withUnsafeBytes { key in
            _ = crypto_sign_detached(&signature, nil, message, UInt64(message.count), key.typed)
        }
        return try! Signature(bytes: signature)
    }
}
