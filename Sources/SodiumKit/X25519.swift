internal import CSodium

/// An X25519 public key that file keys are sealed to (`crypto_box_seal`).
public struct RecipientPublicKey: Hashable, Sendable {
    /// The 32 raw bytes.
    public let bytes: [UInt8]

    /// Wraps 32 raw bytes.
    /// - Throws: ``SodiumError/invalidLength(what:expected:actual:)``.
    public init(bytes: [UInt8]) throws(SodiumError) {
        let expected = Int(crypto_box_publickeybytes())
        guard bytes.count == expected else {
            throw .invalidLength(what: "an X25519 public key", expected: expected, actual: bytes.count)
        }
        // A low-order point gives an all-zero shared secret with every scalar, and crypto_box_seal would fail
        // for it: refuse it here, once, so sealing to a valid key can never fail.
        try Sodium.ensureInitialized()
        var scalar = [UInt8](repeating: 0, count: Int(crypto_scalarmult_scalarbytes()))
        scalar[0] = 9
        var product = [UInt8](repeating: 0, count: Int(crypto_scalarmult_bytes()))
        guard crypto_scalarmult(&product, scalar, bytes) == 0 else { throw .lowOrderPublicKey }
        self.bytes = bytes
    }
}

/// An X25519 secret key in guarded memory: opens file keys sealed to its public key.
public final class RecipientSecretKey: Sendable {
    private let secret: SecureBytes
    /// The matching public key (`crypto_scalarmult_base`).
    public let publicKey: RecipientPublicKey

    /// A fresh random key pair (`crypto_box_keypair`).
    public convenience init() {
        try! self.init(secretBytes: SecureBytes.random(count: Int(crypto_box_secretkeybytes())))
    }

    /// Wraps 32 secret bytes and derives the public key.
    /// - Throws: ``SodiumError/invalidLength(what:expected:actual:)``, ``SodiumError/keyGenerationFailed``.
    public init(secretBytes: SecureBytes) throws(SodiumError) {
        let expected = Int(crypto_box_secretkeybytes())
        guard secretBytes.count == expected else {
            throw .invalidLength(what: "an X25519 secret key", expected: expected, actual: secretBytes.count)
        }
        try Sodium.ensureInitialized()
        var publicBytes = [UInt8](repeating: 0, count: Int(crypto_box_publickeybytes()))
        let status = secretBytes.withUnsafeBytes { crypto_scalarmult_base(&publicBytes, $0.typed) }
        try check(status, else: .keyGenerationFailed)
        secret = secretBytes
        publicKey = try RecipientPublicKey(bytes: publicBytes)
    }

    /// The raw secret bytes, for storing the key.
    public var secretBytes: SecureBytes { secret }

    /// Opens a file key sealed to this key (`crypto_box_seal_open`).
    /// - Throws: ``SodiumError/sealedBoxOpenFailed`` when it was sealed to another key or altered.
    public func open(_ sealed: SealedFileKey) throws(SodiumError) -> FileKey {
        FileKey(try openSealedBox(sealed.bytes))
    }

    /// Opens a sealed box of any length (`crypto_box_seal_open`): ``open(_:)`` for file keys, and the
    /// known-answer tests for other plaintext lengths.
    /// - Throws: ``SodiumError/sealedBoxOpenFailed`` when it was sealed to another key or altered, or holds no
    ///   plaintext byte (guarded memory holds at least one).
    func openSealedBox(_ ciphertext: [UInt8]) throws(SodiumError) -> SecureBytes {
        let overhead = Int(crypto_box_sealbytes())
        guard ciphertext.count > overhead else { throw .sealedBoxOpenFailed }
        return try SecureBytes(count: ciphertext.count - overhead) { (buffer) throws(SodiumError) in
            let status = secret.withUnsafeBytes { secretBytes in
                crypto_box_seal_open(
                    buffer.typed, ciphertext, UInt64(ciphertext.count), publicKey.bytes, secretBytes.typed)
            }
            try check(status, else: .sealedBoxOpenFailed)
        }
    }

    /// The X25519 shared secret with `peer` (`crypto_scalarmult`), the multiplication inside
    /// `crypto_box_seal_open`; only the known-answer tests call it directly.
    /// - Throws: ``SodiumError/keyGenerationFailed`` when libsodium refuses a low-order `peer` (all-zero result).
    func sharedSecret(with peer: RecipientPublicKey) throws(SodiumError) -> SecureBytes {
        try SecureBytes(count: Int(crypto_scalarmult_bytes())) { (buffer) throws(SodiumError) in
            let status = secret.withUnsafeBytes { crypto_scalarmult(buffer.typed, $0.typed, peer.bytes) }
            try check(status, else: .keyGenerationFailed)
        }
    }
}

/// A file key sealed to a recipient: an ephemeral public key, a MAC and the encrypted key (80 bytes).
public struct SealedFileKey: Hashable, Sendable {
    /// Size of a sealed file key: `crypto_box_sealbytes() + 32`.
    public static var byteCount: Int { Int(crypto_box_sealbytes()) + FileKey.byteCount }
    /// The raw bytes.
    public let bytes: [UInt8]

    /// Wraps raw bytes.
    /// - Throws: ``SodiumError/invalidLength(what:expected:actual:)``.
    public init(bytes: [UInt8]) throws(SodiumError) {
        guard bytes.count == Self.byteCount else {
            throw .invalidLength(what: "a sealed file key", expected: Self.byteCount, actual: bytes.count)
        }
        self.bytes = bytes
    }
}
