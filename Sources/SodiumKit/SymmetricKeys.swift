internal import CSodium

/// The random 32-byte key of one bundle. It is sealed to each recipient and never used directly:
/// the payload key and the key commitment are derived from it.
public final class FileKey: Sendable {
    /// 32 bytes.
    public static let byteCount = 32
    let secret: SecureBytes

    init(_ secret: SecureBytes) { self.secret = secret }

    /// A fresh random file key.
    public static func random() -> FileKey { FileKey(SecureBytes.random(count: byteCount)) }

    /// Seals the key to `recipient` (`crypto_box_seal`); each call uses a fresh ephemeral key.
    public func seal(to recipient: RecipientPublicKey) -> SealedFileKey {
        var output = [UInt8](repeating: 0, count: SealedFileKey.byteCount)
        let status = secret.withUnsafeBytes { key in
            crypto_box_seal(&output, key.typed, UInt64(key.count), recipient.bytes)
        }
        // RecipientPublicKey refuses low-order points, the only input for which crypto_box_seal fails.
        precondition(status == 0, "crypto_box_seal failed for a validated recipient key")
        return try! SealedFileKey(bytes: output)
    }

    /// Derives a 32-byte subkey (`crypto_kdf_derive_from_key`).
    /// - Parameters:
    ///   - id: the subkey number.
    ///   - context: exactly 8 bytes naming the purpose.
    public func deriveKey(id: UInt64, context: String) -> SymmetricKey {
        SymmetricKey(derivingFrom: secret, id: id, context: context)
    }
}

/// A 32-byte symmetric key in guarded memory: for secretstream, the AEAD and keyed BLAKE2b.
public final class SymmetricKey: Sendable {
    /// 32 bytes.
    public static let byteCount = 32
    let secret: SecureBytes

    /// Wraps 32 secret bytes.
    /// - Throws: ``SodiumError/invalidLength(what:expected:actual:)``.
    public init(bytes: SecureBytes) throws(SodiumError) {
        guard bytes.count == Self.byteCount else {
            throw .invalidLength(what: "a symmetric key", expected: Self.byteCount, actual: bytes.count)
        }
        secret = bytes
    }

    /// A fresh random key.
    public static func random() -> SymmetricKey { try! SymmetricKey(bytes: .random(count: byteCount)) }

    init(derivingFrom master: SecureBytes, id: UInt64, context: String) {
        let contextBytes = Array(context.utf8)
        precondition(contextBytes.count == Int(crypto_kdf_contextbytes()), "a KDF context is exactly 8 bytes")
        precondition(master.count == Int(crypto_kdf_keybytes()), "a KDF master key is 32 bytes")
        secret = SecureBytes(count: Self.byteCount) { buffer in
            master.withUnsafeBytes { key in
                contextBytes.withUnsafeBufferPointer { context in
                    context.withMemoryRebound(to: CChar.self) { chars in
                        _ = crypto_kdf_derive_from_key(buffer.typed, buffer.count, id, chars.baseAddress!, key.typed)
                    }
                }
            }
        }
    }

    /// Keyed BLAKE2b of `message` with this key (`crypto_generichash`), `outputLength` bytes.
    public func authenticate(_ message: [UInt8], outputLength: Int = 32) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: outputLength)
        secret.withUnsafeBytes { key in
            _ = crypto_generichash(&output, outputLength, message, UInt64(message.count), key.typed, key.count)
        }
        return output
    }
}
