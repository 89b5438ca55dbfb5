internal import CSodium

/// One-shot authenticated encryption, `crypto_aead_xchacha20poly1305_ietf_*`: used for secret key files.
public enum XChaCha20Poly1305 {
    /// The nonce size (24).
    public static var nonceByteCount: Int { Int(crypto_aead_xchacha20poly1305_ietf_npubbytes()) }
    /// The tag size (16).
    public static var tagByteCount: Int { Int(crypto_aead_xchacha20poly1305_ietf_abytes()) }

    /// Encrypts `plaintext` (secret, in guarded memory) and returns ciphertext ‖ tag.
    public static func seal(
        _ plaintext: SecureBytes, key: SymmetricKey, nonce: [UInt8], additionalData: [UInt8]
    ) throws(SodiumError) -> [UInt8] {
        guard nonce.count == nonceByteCount else {
            throw .invalidLength(what: "an XChaCha20-Poly1305 nonce", expected: nonceByteCount, actual: nonce.count)
        }
        var output = [UInt8](repeating: 0, count: plaintext.count + tagByteCount)
        plaintext.withUnsafeBytes { message in
            key.secret.withUnsafeBytes { key in
                _ = crypto_aead_xchacha20poly1305_ietf_encrypt(
                    &output, nil, message.typed, UInt64(message.count), additionalData, UInt64(additionalData.count),
                    nil, nonce, key.typed)
            }
        }
        return output
    }

    /// Decrypts ciphertext ‖ tag into guarded memory.
    /// - Throws: ``SodiumError/authenticationFailed`` when the key is wrong or anything was altered.
    public static func open(
        _ ciphertext: [UInt8], key: SymmetricKey, nonce: [UInt8], additionalData: [UInt8]
    ) throws(SodiumError) -> SecureBytes {
        guard nonce.count == nonceByteCount else {
            throw .invalidLength(what: "an XChaCha20-Poly1305 nonce", expected: nonceByteCount, actual: nonce.count)
        }
        guard ciphertext.count > tagByteCount else { throw .authenticationFailed }
        return try SecureBytes(count: ciphertext.count - tagByteCount) { (buffer) throws(SodiumError) in
            let status = key.secret.withUnsafeBytes { key in
                crypto_aead_xchacha20poly1305_ietf_decrypt(
                    buffer.typed, nil, nil, ciphertext, UInt64(ciphertext.count), additionalData,
                    UInt64(additionalData.count), nonce, key.typed)
            }
            try check(status, else: .authenticationFailed)
        }
    }
}
