internal import CSodium

/// Passphrase hashing with Argon2id v1.3 (`crypto_pwhash`, `crypto_pwhash_str`).
public enum Argon2id {
    /// The salt size (16).
    public static var saltByteCount: Int { Int(crypto_pwhash_saltbytes()) }
    /// libsodium's "moderate" operations limit (3), for interactive unlocking of key files.
    public static var moderateOpsLimit: UInt64 { UInt64(crypto_pwhash_opslimit_moderate()) }
    /// libsodium's "moderate" memory limit (256 MiB).
    public static var moderateMemLimit: UInt64 { UInt64(crypto_pwhash_memlimit_moderate()) }
    /// The smallest limits libsodium accepts; only for tests.
    public static var minimumOpsLimit: UInt64 { UInt64(crypto_pwhash_opslimit_min()) }
    /// The smallest memory limit libsodium accepts (8 KiB); only for tests.
    public static var minimumMemLimit: UInt64 { UInt64(crypto_pwhash_memlimit_min()) }

    /// Derives a 32-byte key from `passphrase` and `salt` (`crypto_pwhash`, `ALG_ARGON2ID13`).
    /// - Throws: ``SodiumError/passwordHashingFailed`` (limits out of range or not enough memory).
    public static func deriveKey(
        passphrase: SecureBytes, salt: [UInt8], opsLimit: UInt64, memLimit: UInt64
    ) throws(SodiumError) -> SymmetricKey {
        guard salt.count == saltByteCount else {
            throw .invalidLength(what: "an Argon2id salt", expected: saltByteCount, actual: salt.count)
        }
        let key = try SecureBytes(count: SymmetricKey.byteCount) { (buffer) throws(SodiumError) in
            let status = passphrase.withUnsafeBytes { pass in
                pass.withMemoryRebound(to: CChar.self) { chars in
                    crypto_pwhash(
                        buffer.typed, UInt64(buffer.count), chars.baseAddress!, UInt64(chars.count), salt, opsLimit,
                        Int(memLimit), crypto_pwhash_alg_argon2id13())
                }
            }
            try check(status, else: .passwordHashingFailed)
        }
        return try SymmetricKey(bytes: key)
    }

    /// A self-describing password hash string (`crypto_pwhash_str`), for stored login passwords.
    public static func hashPassword(_ password: SecureBytes, opsLimit: UInt64, memLimit: UInt64) throws(SodiumError)
        -> String
    {
        var output = [CChar](repeating: 0, count: Int(crypto_pwhash_strbytes()))
        let status = password.withUnsafeBytes { pass in
            pass.withMemoryRebound(to: CChar.self) { chars in
                crypto_pwhash_str(&output, chars.baseAddress!, UInt64(chars.count), opsLimit, Int(memLimit))
            }
        }
        try check(status, else: .passwordHashingFailed)
        return String(decoding: output.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Checks `password` against a string from ``hashPassword(_:opsLimit:memLimit:)`` (`crypto_pwhash_str_verify`).
    public static func verifyPassword(_ password: SecureBytes, hash: String) -> Bool {
        try? Sodium.ensureInitialized()
        return password.withUnsafeBytes { pass in
            pass.withMemoryRebound(to: CChar.self) { chars in
                crypto_pwhash_str_verify(hash, chars.baseAddress!, UInt64(chars.count)) == 0
            }
        }
    }
}
