/// What can go wrong in the cryptographic layer. Cases never carry key material or plaintext.
public enum SodiumError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `sodium_init()` failed: the system gave libsodium no source of randomness.
    case initializationFailed
    /// Key or nonce material had the wrong length for its type.
    case invalidLength(what: String, expected: Int, actual: Int)
    /// Guarded memory could not be allocated (`sodium_malloc` returned NULL).
    case outOfMemory
    /// A sealed box could not be opened: it was sealed to another key, or it was altered.
    case sealedBoxOpenFailed
    /// Authenticated decryption failed: wrong key, or the data or its additional data were altered.
    case authenticationFailed
    /// A secretstream chunk came after the chunk tagged final.
    case dataAfterFinalChunk
    /// The secretstream ended without a chunk tagged final: the stream was truncated.
    case missingFinalChunk
    /// A secretstream chunk carried a tag the caller does not allow (only message and final are used).
    case unexpectedTag(UInt8)
    /// Argon2id could not run with the requested limits (usually not enough memory).
    case passwordHashingFailed
    /// A key pair could not be derived or generated.
    case keyGenerationFailed
    /// An X25519 public key of low order: nothing sealed to it could ever be opened.
    case lowOrderPublicKey

    public var description: String {
        switch self {
        case .initializationFailed:
            "libsodium could not initialise: the system provides no randomness source"
        case let .invalidLength(what, expected, actual):
            "\(what) must be \(expected) bytes, got \(actual)"
        case .outOfMemory:
            "out of memory while allocating guarded memory for a secret"
        case .sealedBoxOpenFailed:
            "the sealed file key cannot be opened with this key: the bundle was sealed to another recipient, or altered"
        case .authenticationFailed:
            "decryption failed: the data was altered or the key is wrong"
        case .dataAfterFinalChunk:
            "data follows the final chunk of the encrypted stream"
        case .missingFinalChunk:
            "the encrypted stream ends without its final chunk: it was truncated"
        case let .unexpectedTag(tag):
            "the encrypted stream carries an unexpected chunk tag \(tag)"
        case .passwordHashingFailed:
            "Argon2id could not run with these limits (not enough memory?)"
        case .keyGenerationFailed:
            "a key pair could not be generated"
        case .lowOrderPublicKey:
            "the X25519 public key is a low-order point that nothing can be sealed to; the key file is damaged or forged"
        }
    }
}
