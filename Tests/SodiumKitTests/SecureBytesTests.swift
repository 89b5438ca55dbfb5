import Testing

@testable import SodiumKit

@Suite struct SecureBytesTests {
    private let secret: [UInt8] = [0xDE, 0xAD, 0xBE, 0xEF, 0x42, 0x17]

    /// Neither the secret's hex nor its decimal bytes appear in any printed form of it or of the keys holding it.
    @Test func printedFormsNeverShowTheBytes() throws {
        let bytes = SecureBytes(copying: secret)
        let keyBytes = Random.bytes(32)
        let key = try SymmetricKey(bytes: SecureBytes(copying: keyBytes))
        var dumped = ""
        dump(bytes, to: &dumped)
        dump(key, to: &dumped)
        for text in [bytes.description, String(reflecting: bytes), "\(bytes)", "\(key)", dumped] {
            for forbidden in [secret, keyBytes] {
                #expect(!text.lowercased().contains(forbidden.map { String($0, radix: 16) }.joined()))
                #expect(!text.contains(forbidden.prefix(3).map(String.init).joined(separator: ", ")))
            }
        }
        #expect(bytes.description.contains("6 bytes"))
    }

    @Test func constantTimeEquals() {
        let bytes = SecureBytes(copying: secret)
        #expect(bytes.constantTimeEquals(SecureBytes(copying: secret)))
        #expect(!bytes.constantTimeEquals(SecureBytes(copying: secret.flippingBit(47))))
        #expect(!bytes.constantTimeEquals(SecureBytes(copying: secret.dropLast())))
        // The free function for arrays; called outside `#expect`, whose macro cannot take a module-qualified call.
        let arrayResults = [
            SodiumKit.constantTimeEquals(secret, secret), SodiumKit.constantTimeEquals([], []),
            SodiumKit.constantTimeEquals(secret, secret.flippingBit(0)),
            SodiumKit.constantTimeEquals(secret, Array(secret.dropLast())),
        ]
        #expect(arrayResults == [true, true, false, false])
    }

    @Test func copyingAndWiping() {
        let bytes = SecureBytes(copying: secret)
        #expect(bytes.count == secret.count)
        #expect(bytes.withUnsafeBytes { Array($0) } == secret)
        var copy = secret
        wipe(&copy)
        #expect(copy == [UInt8](repeating: 0, count: secret.count))
        var empty: [UInt8] = []
        wipe(&empty)
        #expect(empty.isEmpty)
    }

    /// An initialiser that throws leaves no half-made value behind (it used to free the memory twice).
    @Test func throwingInitializerPropagatesItsError() {
        for _ in 0..<100 {
            #expect(throws: SodiumError.outOfMemory) {
                try SecureBytes(count: 64) { (buffer) throws(SodiumError) in
                    buffer.initializeMemory(as: UInt8.self, repeating: 0xFF)
                    throw .outOfMemory
                }
            }
        }
    }
}
