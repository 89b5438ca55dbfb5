import Testing

@testable import SodiumKit

@Suite struct Argon2idTests {
    private let passphrase = SecureBytes(copying: Array("correct horse battery staple".utf8))
    private let salt = [UInt8](repeating: 0x5A, count: Argon2id.saltByteCount)

    private func derive(
        _ passphrase: SecureBytes, salt: [UInt8], opsLimit: UInt64 = Argon2id.minimumOpsLimit,
        memLimit: UInt64 = Argon2id.minimumMemLimit
    ) throws -> SecureBytes {
        try Argon2id.deriveKey(passphrase: passphrase, salt: salt, opsLimit: opsLimit, memLimit: memLimit).secret
    }

    @Test func deriveKeyIsDeterministic() throws {
        let key = try derive(passphrase, salt: salt)
        #expect(try key.constantTimeEquals(derive(passphrase, salt: salt)))
        #expect(try !key.constantTimeEquals(derive(passphrase, salt: salt.flippingBit(0))))
        #expect(
            try !key.constantTimeEquals(
                derive(SecureBytes(copying: Array("correct horse battery stapler".utf8)), salt: salt)))
        #expect(try !key.constantTimeEquals(derive(passphrase, salt: salt, opsLimit: Argon2id.minimumOpsLimit + 1)))
        #expect(try !key.constantTimeEquals(derive(passphrase, salt: salt, memLimit: Argon2id.minimumMemLimit * 2)))
    }

    /// The limits used for key files: still deterministic in the salt, and not the minimum-limit key.
    @Test func moderateLimits() throws {
        let moderate = try derive(
            passphrase, salt: salt, opsLimit: Argon2id.moderateOpsLimit, memLimit: Argon2id.moderateMemLimit)
        #expect(try !moderate.constantTimeEquals(derive(passphrase, salt: salt)))
        #expect(moderate.count == SymmetricKey.byteCount)
    }

    @Test func invalidParametersAreRejected() {
        #expect(throws: SodiumError.invalidLength(what: "an Argon2id salt", expected: 16, actual: 15)) {
            try derive(passphrase, salt: Array(salt.dropLast()))
        }
        #expect(throws: SodiumError.passwordHashingFailed) { try derive(passphrase, salt: salt, opsLimit: 0) }
        #expect(throws: SodiumError.passwordHashingFailed) {
            try derive(passphrase, salt: salt, memLimit: Argon2id.minimumMemLimit - 1)
        }
        #expect(throws: SodiumError.passwordHashingFailed) {
            try Argon2id.hashPassword(passphrase, opsLimit: 0, memLimit: Argon2id.minimumMemLimit)
        }
    }

    @Test func passwordHashRoundTrip() throws {
        let hash = try Argon2id.hashPassword(
            passphrase, opsLimit: Argon2id.minimumOpsLimit, memLimit: Argon2id.minimumMemLimit)
        #expect(hash.hasPrefix("$argon2id$v=19$"))
        #expect(Argon2id.verifyPassword(passphrase, hash: hash))
        #expect(!Argon2id.verifyPassword(SecureBytes(copying: Array("Correct horse battery staple".utf8)), hash: hash))
        #expect(!Argon2id.verifyPassword(passphrase, hash: String(hash.dropLast())))
        #expect(!Argon2id.verifyPassword(passphrase, hash: ""))
        let second = try Argon2id.hashPassword(
            passphrase, opsLimit: Argon2id.minimumOpsLimit, memLimit: Argon2id.minimumMemLimit)
        #expect(second != hash, "each hash has a fresh random salt")
        #expect(Argon2id.verifyPassword(passphrase, hash: second))
    }
}
