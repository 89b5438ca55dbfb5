import Testing

@testable import SodiumKit

@Suite struct SymmetricKeyTests {
    /// `crypto_kdf` subkeys: one per (id, context), the same every time for the same master key.
    @Test func derivedSubkeysDifferPerIdAndContext() {
        let fileKey = FileKey.random()
        let subkeys = [(0, "airlock1"), (1, "airlock1"), (UInt64.max, "airlock1"), (0, "airlock2"), (1, "commit01")].map
        {
            fileKey.deriveKey(id: $0.0, context: $0.1)
        }
        for (index, subkey) in subkeys.enumerated() {
            for other in subkeys[(index + 1)...] { #expect(!subkey.secret.constantTimeEquals(other.secret)) }
            #expect(!subkey.secret.constantTimeEquals(fileKey.secret))
        }
        #expect(fileKey.deriveKey(id: 1, context: "airlock1").secret.constantTimeEquals(subkeys[1].secret))
        let sameMaster = FileKey(SecureBytes(copying: fileKey.secret.withUnsafeBytes { Array($0) }))
        #expect(sameMaster.deriveKey(id: 1, context: "airlock1").secret.constantTimeEquals(subkeys[1].secret))
        #expect(!FileKey.random().deriveKey(id: 1, context: "airlock1").secret.constantTimeEquals(subkeys[1].secret))
    }

    /// `authenticate` is keyed BLAKE2b: it agrees with `BLAKE2b.hash(_:outputLength:key:)`.
    @Test(arguments: [16, 32, 64])
    func authenticateIsKeyedBLAKE2b(outputLength: Int) {
        let key = SymmetricKey.random()
        let message = Random.bytes(300)
        let keyBytes = key.secret.withUnsafeBytes { Array($0) }
        let tag = key.authenticate(message, outputLength: outputLength)
        #expect(tag == BLAKE2b.hash(message, outputLength: outputLength, key: keyBytes))
        #expect(tag != SymmetricKey.random().authenticate(message, outputLength: outputLength))
    }

    @Test func randomKeysDifferAndLengthIsChecked() {
        #expect(!SymmetricKey.random().secret.constantTimeEquals(SymmetricKey.random().secret))
        #expect(!FileKey.random().secret.constantTimeEquals(FileKey.random().secret))
        #expect(throws: SodiumError.invalidLength(what: "a symmetric key", expected: 32, actual: 31)) {
            try SymmetricKey(bytes: .random(count: 31))
        }
    }
}
