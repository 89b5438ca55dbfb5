import Testing

@testable import SodiumKit

/// libsodium's `crypto_box_seal` reference vectors: recipient key pair, plaintext, sealed box.
struct SealedBoxVector: Sendable, CustomTestStringConvertible {
    let secretKey: [UInt8]
    let publicKey: [UInt8]
    let plaintext: [UInt8]
    let sealed: [UInt8]
    var testDescription: String { "\(plaintext.count)-byte plaintext" }

    /// `sk \t pk \t len:plaintext \t len:ciphertext`, hex.
    static func all() throws -> [SealedBoxVector] {
        try VectorFiles.lines("libsodium/sealed_box_ref.txt").map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            func payload(_ field: Substring) -> [UInt8] {
                .init(hex: field.split(separator: ":", omittingEmptySubsequences: false)[1])
            }
            return SealedBoxVector(
                secretKey: .init(hex: fields[0]), publicKey: .init(hex: fields[1]), plaintext: payload(fields[2]),
                sealed: payload(fields[3]))
        }
    }
}

/// A Wycheproof `XdhComp` case: our private key, the peer's public key, the expected shared secret.
struct WycheproofX25519: Sendable, CustomTestStringConvertible {
    let id: Int
    let privateKey: [UInt8]
    let peer: [UInt8]
    let shared: [UInt8]
    var testDescription: String { "tcId \(id)" }
    /// Low-order peer keys ("acceptable" in Wycheproof): the product is the all-zero point.
    var sharedIsZero: Bool { shared.allSatisfy { $0 == 0 } }

    static func all() throws -> [WycheproofX25519] {
        struct File: Decodable {
            struct Group: Decodable {
                struct Test: Decodable { let tcId: Int, `private`, `public`, shared: String }
                let tests: [Test]
            }
            let testGroups: [Group]
        }
        return try VectorFiles.json(File.self, "wycheproof/x25519_test.json").testGroups.flatMap(\.tests).map {
            WycheproofX25519(
                id: $0.tcId, privateKey: .init(hex: $0.private), peer: .init(hex: $0.public),
                shared: .init(hex: $0.shared))
        }
    }
}

private func bytes(_ secret: SecureBytes) -> [UInt8] { secret.withUnsafeBytes { Array($0) } }

@Suite struct SealedBoxTests {
    /// The public key derives from the secret key, and the box opens to the plaintext; every flipped bit fails.
    /// The empty-plaintext vector cannot be expressed (guarded memory holds at least one byte): it is refused.
    @Test(arguments: try SealedBoxVector.all())
    func openKnownAnswer(_ vector: SealedBoxVector) throws {
        let recipient = try RecipientSecretKey(secretBytes: SecureBytes(copying: vector.secretKey))
        #expect(recipient.publicKey.bytes == vector.publicKey)
        if vector.plaintext.isEmpty {
            #expect(throws: SodiumError.sealedBoxOpenFailed) { try recipient.openSealedBox(vector.sealed) }
        } else {
            #expect(try bytes(recipient.openSealedBox(vector.sealed)) == vector.plaintext)
        }
        for bit in 0..<vector.sealed.count * 8 {
            #expect(throws: SodiumError.sealedBoxOpenFailed) {
                try recipient.openSealedBox(vector.sealed.flippingBit(bit))
            }
        }
        #expect(throws: SodiumError.sealedBoxOpenFailed) { try RecipientSecretKey().openSealedBox(vector.sealed) }
    }

    @Test func vectorTablesAreComplete() throws {
        #expect(try SealedBoxVector.all().map(\.plaintext.count) == [131, 0, 1])
        #expect(try WycheproofX25519.all().count == 518)
        #expect(try WycheproofX25519.all().filter(\.sharedIsZero).count == 31)
    }

    /// The multiplication behind sealed boxes: every Wycheproof result matches, and libsodium refuses the 31
    /// low-order peer keys whose shared secret would be all zero.
    @Test(arguments: try WycheproofX25519.all())
    func x25519(_ vector: WycheproofX25519) throws {
        let key = try RecipientSecretKey(secretBytes: SecureBytes(copying: vector.privateKey))
        if vector.sharedIsZero {
            #expect(throws: SodiumError.lowOrderPublicKey) { try RecipientPublicKey(bytes: vector.peer) }
        } else {
            let peer = try RecipientPublicKey(bytes: vector.peer)
            #expect(try bytes(key.sharedSecret(with: peer)) == vector.shared)
        }
    }

    /// Both sides of a key agreement meet: the public keys that `init(secretBytes:)` derives are right.
    @Test func sharedSecretIsSymmetric() throws {
        let alice = RecipientSecretKey()
        let bob = RecipientSecretKey()
        #expect(try alice.sharedSecret(with: bob.publicKey).constantTimeEquals(bob.sharedSecret(with: alice.publicKey)))
    }

    @Test func sealOpenRoundTrip() throws {
        let recipient = RecipientSecretKey()
        let fileKey = FileKey.random()
        let first = fileKey.seal(to: recipient.publicKey)
        let second = fileKey.seal(to: recipient.publicKey)
        #expect(first != second, "each seal uses a fresh ephemeral key")
        #expect(try recipient.open(first).secret.constantTimeEquals(fileKey.secret))
        #expect(try recipient.open(second).secret.constantTimeEquals(fileKey.secret))
        let restored = try RecipientSecretKey(secretBytes: SecureBytes(copying: bytes(recipient.secretBytes)))
        #expect(restored.publicKey == recipient.publicKey)
        #expect(try restored.open(first).secret.constantTimeEquals(fileKey.secret))
    }

    @Test func wrongKeyOrFlippedBitFails() throws {
        let recipient = RecipientSecretKey()
        let sealed = FileKey.random().seal(to: recipient.publicKey)
        #expect(throws: SodiumError.sealedBoxOpenFailed) { try RecipientSecretKey().open(sealed) }
        for bit in 0..<SealedFileKey.byteCount * 8 {
            let altered = try SealedFileKey(bytes: sealed.bytes.flippingBit(bit))
            #expect(throws: SodiumError.sealedBoxOpenFailed) { try recipient.open(altered) }
        }
    }

    @Test func wrongLengthsAreRejected() {
        #expect(throws: SodiumError.invalidLength(what: "a sealed file key", expected: 80, actual: 79)) {
            try SealedFileKey(bytes: .init(repeating: 0, count: 79))
        }
        #expect(throws: SodiumError.invalidLength(what: "an X25519 public key", expected: 32, actual: 31)) {
            try RecipientPublicKey(bytes: .init(repeating: 9, count: 31))
        }
        #expect(throws: SodiumError.invalidLength(what: "an X25519 secret key", expected: 32, actual: 33)) {
            try RecipientSecretKey(secretBytes: .random(count: 33))
        }
    }

    /// A low-order recipient key would make `crypto_box_seal` fail (its shared secret is all zero), giving a
    /// stanza no one can open: such keys are refused when the key is made, before anything is sealed to them.
    @Test(arguments: try WycheproofX25519.all().filter(\.sharedIsZero))
    func lowOrderRecipientKeysAreRefused(_ vector: WycheproofX25519) {
        #expect(throws: SodiumError.lowOrderPublicKey) { try RecipientPublicKey(bytes: vector.peer) }
    }
}
