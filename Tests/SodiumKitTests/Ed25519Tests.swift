import SodiumKit
import Testing

/// A signing known answer: seed → public key, and the exact (deterministic) signature of a message.
struct SigningVector: Sendable, CustomTestStringConvertible {
    let name: String
    let seed: [UInt8]
    let publicKey: [UInt8]
    let message: [UInt8]
    let signature: [UInt8]
    var testDescription: String { name }

    /// RFC 8032 §7.1: TEST 1, 2, 3, 1024, SHA(abc).
    static func rfc8032() throws -> [SigningVector] {
        struct File: Decodable {
            struct Test: Decodable {
                let name, secretKey, publicKey, message, signature: String
                enum CodingKeys: String, CodingKey {
                    case name, message, signature
                    case secretKey = "secret_key"
                    case publicKey = "public_key"
                }
            }
            let tests: [Test]
        }
        return try VectorFiles.json(File.self, "rfc8032/rfc8032_ed25519.json").tests.map {
            SigningVector(
                name: $0.name, seed: .init(hex: $0.secretKey), publicKey: .init(hex: $0.publicKey),
                message: .init(hex: $0.message), signature: .init(hex: $0.signature))
        }
    }

    /// SUPERCOP `sign.input`, first 128 lines: `seed‖pk : pk : message : signature‖message :`.
    static func supercop() throws -> [SigningVector] {
        try VectorFiles.lines("libsodium/ed25519-supercop-first128.txt").enumerated().map { index, line in
            let fields = line.split(separator: ":", omittingEmptySubsequences: false)
            return SigningVector(
                name: "SUPERCOP line \(index + 1)", seed: Array([UInt8](hex: fields[0]).prefix(32)),
                publicKey: .init(hex: fields[1]), message: .init(hex: fields[2]),
                signature: Array([UInt8](hex: fields[3]).prefix(64)))
        }
    }
}

/// A Wycheproof `EddsaVerify` case.
struct WycheproofEd25519: Sendable, CustomTestStringConvertible {
    let id: Int
    let publicKey: [UInt8]
    let message: [UInt8]
    let signature: [UInt8]
    let valid: Bool
    var testDescription: String { "tcId \(id)" }

    static func all() throws -> [WycheproofEd25519] {
        struct File: Decodable {
            struct Group: Decodable {
                struct Key: Decodable { let pk: String }
                struct Test: Decodable { let tcId: Int, msg, sig, result: String }
                let publicKey: Key
                let tests: [Test]
            }
            let testGroups: [Group]
        }
        return try VectorFiles.json(File.self, "wycheproof/ed25519_test.json").testGroups.flatMap { group in
            group.tests.map {
                WycheproofEd25519(
                    id: $0.tcId, publicKey: .init(hex: group.publicKey.pk), message: .init(hex: $0.msg),
                    signature: .init(hex: $0.sig), valid: $0.result == "valid")
            }
        }
    }
}

/// A C2SP CCTV verification edge case: no expected result, only flags naming the edge cases it exercises.
struct EdgeCaseSignature: Decodable, Sendable, CustomTestStringConvertible {
    let number: Int
    let key: String
    let sig: String
    let msg: String
    let flags: [String]?
    var testDescription: String { "CCTV #\(number) \(flags ?? [])" }

    /// Flags that a strict verifier must reject: a low-order A or R (incl. their non-canonical encodings),
    /// or low-order components that only cancel with the cofactored equation.
    static let strictlyRejected: Set = [
        "low_order_A", "low_order_R", "non_canonical_A", "non_canonical_R", "low_order_residue",
    ]

    var strictVerifierAccepts: Bool { Set(flags ?? []).isDisjoint(with: Self.strictlyRejected) }

    static func all() throws -> [EdgeCaseSignature] {
        try VectorFiles.json([EdgeCaseSignature].self, "ed25519-cctv/ed25519vectors.json")
    }
}

/// Verifies with the public API; a signature of the wrong length is a rejection, as for a caller.
private func verifies(publicKey: [UInt8], signature: [UInt8], message: [UInt8]) -> Bool {
    guard let key = try? SigningPublicKey(bytes: publicKey), let signature = try? Signature(bytes: signature) else {
        return false
    }
    return key.isValidSignature(signature, for: message)
}

@Suite struct Ed25519Tests {
    @Test(arguments: try SigningVector.rfc8032() + SigningVector.supercop())
    func knownAnswer(_ vector: SigningVector) throws {
        let key = try SigningSecretKey(seed: SecureBytes(copying: vector.seed))
        #expect(key.publicKey.bytes == vector.publicKey)
        let signature = key.sign(vector.message)
        #expect(signature.bytes == vector.signature)
        #expect(key.publicKey.isValidSignature(signature, for: vector.message))
    }

    @Test func vectorTablesAreComplete() throws {
        #expect(try SigningVector.rfc8032().count == 5)
        #expect(try SigningVector.supercop().count == 128)
        #expect(try WycheproofEd25519.all().count == 151)
        #expect(try EdgeCaseSignature.all().count == 914)
    }

    @Test(arguments: try WycheproofEd25519.all())
    func wycheproof(_ vector: WycheproofEd25519) {
        #expect(
            verifies(publicKey: vector.publicKey, signature: vector.signature, message: vector.message) == vector.valid)
    }

    /// libsodium must be at least as strict as "reject every low-order or non-canonical point": no edge case
    /// with such a flag may verify. (libsodium 1.0.18 accepts exactly the others: 43 of 914.)
    @Test(arguments: try EdgeCaseSignature.all())
    func edgeCaseIsAcceptedOnlyWhenStrictlyValid(_ vector: EdgeCaseSignature) {
        let accepted = verifies(
            publicKey: .init(hex: vector.key), signature: .init(hex: vector.sig), message: Array(vector.msg.utf8))
        #expect(accepted == vector.strictVerifierAccepts)
    }

    @Test func edgeCasesAcceptedCount() throws {
        #expect(try EdgeCaseSignature.all().filter(\.strictVerifierAccepts).count == 43)
    }

    @Test func seedRoundTrip() throws {
        let key = SigningSecretKey()
        let restored = try SigningSecretKey(seed: key.seed)
        #expect(restored.seed.constantTimeEquals(key.seed))
        #expect(restored.publicKey == key.publicKey)
        #expect(restored.sign([1, 2, 3]) == key.sign([1, 2, 3]))
        #expect(SigningSecretKey().publicKey != key.publicKey)
    }

    @Test func everyFlippedBitFails() throws {
        let key = SigningSecretKey()
        let message = Array("chain head 42".utf8)
        let signature = key.sign(message)
        #expect(key.publicKey.isValidSignature(signature, for: message))
        for bit in 0..<message.count * 8 {
            #expect(!key.publicKey.isValidSignature(signature, for: message.flippingBit(bit)), "message bit \(bit)")
        }
        for bit in 0..<signature.bytes.count * 8 {
            let altered = try Signature(bytes: signature.bytes.flippingBit(bit))
            #expect(!key.publicKey.isValidSignature(altered, for: message), "signature bit \(bit)")
        }
        #expect(!SigningSecretKey().publicKey.isValidSignature(signature, for: message))
    }

    @Test func wrongLengthsAreRejected() {
        #expect(throws: SodiumError.invalidLength(what: "an Ed25519 seed", expected: 32, actual: 31)) {
            try SigningSecretKey(seed: .random(count: 31))
        }
        #expect(throws: SodiumError.invalidLength(what: "an Ed25519 public key", expected: 32, actual: 33)) {
            try SigningPublicKey(bytes: .init(repeating: 0, count: 33))
        }
        #expect(throws: SodiumError.invalidLength(what: "an Ed25519 signature", expected: 64, actual: 63)) {
            try Signature(bytes: .init(repeating: 0, count: 63))
        }
    }
}
