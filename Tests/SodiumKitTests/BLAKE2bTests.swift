import SodiumKit
import Testing

/// One BLAKE2b known answer: message, optional key, digest (its length is the output length).
struct BLAKE2bVector: Decodable, Sendable, CustomTestStringConvertible {
    let message: [UInt8]
    let key: [UInt8]
    let digest: [UInt8]
    var testDescription: String { "msg \(message.count) B, key \(key.count) B, out \(digest.count) B" }

    private enum CodingKeys: String, CodingKey {
        case message = "in"
        case key
        case digest = "out"
    }
    init(message: [UInt8], key: [UInt8], digest: [UInt8]) {
        (self.message, self.key, self.digest) = (message, key, digest)
    }
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        message = [UInt8](hex: try container.decode(String.self, forKey: .message))
        key = [UInt8](hex: try container.decode(String.self, forKey: .key))
        digest = [UInt8](hex: try container.decode(String.self, forKey: .digest))
    }

    /// libsodium's `crypto_generichash` vectors (`message \t key \t length \t digest`). 11 of the 40 lines use a
    /// key or output shorter than 16 bytes, which `BLAKE2b` refuses by precondition; the 29 others are kept.
    static func libsodium() throws -> [BLAKE2bVector] {
        try VectorFiles.lines("libsodium/crypto-test-vectors-blake2-nosalt-nopersonalization.txt").map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            return BLAKE2bVector(
                message: .init(hex: fields[0]), key: .init(hex: fields[1]), digest: .init(hex: fields[3]))
        }.filter { $0.key.count >= 16 && $0.digest.count >= 16 }
    }

    /// The BLAKE2 reference KAT for BLAKE2b-512: 256 unkeyed and 256 keyed (64-byte key) messages of 0…255 bytes.
    static func reference() throws -> [BLAKE2bVector] {
        try VectorFiles.json([BLAKE2bVector].self, "libsodium/blake2b-kat.json")
    }
}

@Suite struct BLAKE2bTests {
    @Test(arguments: try BLAKE2bVector.libsodium() + BLAKE2bVector.reference())
    func knownAnswer(_ vector: BLAKE2bVector) {
        #expect(BLAKE2b.hash(vector.message, outputLength: vector.digest.count, key: vector.key) == vector.digest)
    }

    @Test func vectorTablesAreComplete() throws {
        #expect(try BLAKE2bVector.libsodium().count == 29)
        #expect(try BLAKE2bVector.reference().count == 512)
    }

    /// Streaming in uneven pieces (including empty ones) gives the one-shot digest.
    @Test(arguments: try BLAKE2bVector.reference().filter { $0.message.count > 200 })
    func streamingInUnevenPieces(_ vector: BLAKE2bVector) {
        let hasher = BLAKE2b(outputLength: vector.digest.count, key: vector.key)
        let sizes = [0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 127, 128, 129]
        var rest = vector.message[...]
        for size in sizes {
            hasher.update(Array(rest.prefix(size)))
            rest = rest.dropFirst(size)
        }
        hasher.update(Array(rest))
        #expect(hasher.finalize() == vector.digest)
    }

    @Test func differentKeysGiveDifferentDigests() {
        let message = Array("airlock".utf8)
        let keyA = [UInt8](repeating: 1, count: 32)
        let keyB = keyA.flippingBit(0)
        #expect(BLAKE2b.hash(message, key: keyA) != BLAKE2b.hash(message, key: keyB))
        #expect(BLAKE2b.hash(message, key: keyA) != BLAKE2b.hash(message))
    }
}
