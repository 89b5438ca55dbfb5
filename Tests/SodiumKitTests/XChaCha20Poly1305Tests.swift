import SodiumKit
import Testing

/// A Wycheproof `AeadTest` case for XChaCha20-Poly1305.
struct WycheproofAEAD: Sendable, CustomTestStringConvertible {
    let id: Int
    let key: [UInt8]
    let nonce: [UInt8]
    let additionalData: [UInt8]
    let plaintext: [UInt8]
    let sealed: [UInt8]
    let valid: Bool
    var testDescription: String { "tcId \(id)" }

    /// All 315 cases. The API cannot express an empty plaintext (guarded memory holds at least one byte), so the
    /// 2 valid empty-plaintext cases are left out: 313 remain (244 valid, 60 invalid, 9 with a wrong nonce size).
    static func expressible() throws -> [WycheproofAEAD] {
        try all().filter { !($0.valid && $0.plaintext.isEmpty) }
    }

    static func all() throws -> [WycheproofAEAD] {
        struct File: Decodable {
            struct Group: Decodable {
                struct Test: Decodable { let tcId: Int, key, iv, aad, msg, ct, tag, result: String }
                let tests: [Test]
            }
            let testGroups: [Group]
        }
        return try VectorFiles.json(File.self, "wycheproof/xchacha20_poly1305_test.json").testGroups.flatMap(\.tests)
            .map {
                WycheproofAEAD(
                    id: $0.tcId, key: .init(hex: $0.key), nonce: .init(hex: $0.iv), additionalData: .init(hex: $0.aad),
                    plaintext: .init(hex: $0.msg), sealed: .init(hex: $0.ct + $0.tag), valid: $0.result == "valid")
            }
    }
}

@Suite struct XChaCha20Poly1305Tests {
    @Test(arguments: try WycheproofAEAD.expressible())
    func wycheproof(_ vector: WycheproofAEAD) throws {
        let key = try SymmetricKey(bytes: SecureBytes(copying: vector.key))
        let open = { () throws(SodiumError) in
            try XChaCha20Poly1305.open(
                vector.sealed, key: key, nonce: vector.nonce, additionalData: vector.additionalData)
        }
        if vector.nonce.count != XChaCha20Poly1305.nonceByteCount {
            let error = SodiumError.invalidLength(
                what: "an XChaCha20-Poly1305 nonce", expected: 24, actual: vector.nonce.count)
            #expect(throws: error) { try open() }
            #expect(throws: error) {
                try XChaCha20Poly1305.seal(.random(count: 1), key: key, nonce: vector.nonce, additionalData: [])
            }
        } else if vector.valid {
            #expect(try open().withUnsafeBytes { Array($0) } == vector.plaintext)
            let sealed = try XChaCha20Poly1305.seal(
                SecureBytes(copying: vector.plaintext), key: key, nonce: vector.nonce,
                additionalData: vector.additionalData)
            #expect(sealed == vector.sealed)
        } else {
            #expect(throws: SodiumError.authenticationFailed) { try open() }
        }
    }

    @Test func vectorTablesAreComplete() throws {
        let vectors = try WycheproofAEAD.expressible()
        #expect(vectors.count == 313)
        #expect(vectors.filter(\.valid).count == 244)
        #expect(vectors.filter { $0.nonce.count != 24 }.count == 9)
    }

    @Test func roundTripAndTampering() throws {
        let key = SymmetricKey.random()
        let nonce = Random.bytes(XChaCha20Poly1305.nonceByteCount)
        let plaintext = Random.bytes(100)
        let header = Array("key file v1".utf8)
        let sealed = try XChaCha20Poly1305.seal(
            SecureBytes(copying: plaintext), key: key, nonce: nonce, additionalData: header)
        #expect(sealed.count == plaintext.count + XChaCha20Poly1305.tagByteCount)
        #expect(
            try XChaCha20Poly1305.open(sealed, key: key, nonce: nonce, additionalData: header).withUnsafeBytes {
                Array($0)
            } == plaintext)
        for bit in stride(from: 0, to: sealed.count * 8, by: 7) {
            #expect(throws: SodiumError.authenticationFailed) {
                try XChaCha20Poly1305.open(sealed.flippingBit(bit), key: key, nonce: nonce, additionalData: header)
            }
        }
        #expect(throws: SodiumError.authenticationFailed) {
            try XChaCha20Poly1305.open(sealed, key: key, nonce: nonce, additionalData: header.flippingBit(3))
        }
        #expect(throws: SodiumError.authenticationFailed) {
            try XChaCha20Poly1305.open(sealed, key: key, nonce: nonce.flippingBit(0), additionalData: header)
        }
        #expect(throws: SodiumError.authenticationFailed) {
            try XChaCha20Poly1305.open(sealed, key: .random(), nonce: nonce, additionalData: header)
        }
        #expect(throws: SodiumError.authenticationFailed) {
            try XChaCha20Poly1305.open(Array(sealed.prefix(16)), key: key, nonce: nonce, additionalData: header)
        }
    }
}
