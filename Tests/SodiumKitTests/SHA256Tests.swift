import SodiumKit
import Testing

/// One SHA-256 known answer.
struct SHA256Vector: Sendable, CustomTestStringConvertible {
    let name: String
    let message: [UInt8]
    let digest: [UInt8]
    var testDescription: String { name }

    /// FIPS 180-2, Appendix B (one-block, multi-block and long messages) and the empty message
    /// (a work of the U.S. Government, public domain).
    static let fips180: [SHA256Vector] = [
        SHA256Vector(
            name: "empty", message: [],
            digest: .init(hex: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")),
        SHA256Vector(
            name: "B.1 abc", message: Array("abc".utf8),
            digest: .init(hex: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")),
        SHA256Vector(
            name: "B.2 448 bits", message: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8),
            digest: .init(hex: "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")),
        SHA256Vector(
            name: "B.3 one million a", message: [UInt8](repeating: 0x61, count: 1_000_000),
            digest: .init(hex: "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")),
    ]
}

@Suite struct SHA256Tests {
    @Test(arguments: SHA256Vector.fips180)
    func knownAnswer(_ vector: SHA256Vector) {
        #expect(SHA256.hash(vector.message) == vector.digest)
    }

    /// Streaming in uneven pieces (including empty ones, and pieces that straddle 64-byte blocks) gives the
    /// one-shot digest.
    @Test(arguments: SHA256Vector.fips180)
    func streamingInUnevenPieces(_ vector: SHA256Vector) {
        let hasher = SHA256()
        var rest = vector.message[...]
        for size in [0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 63, 64, 65, 0, 127] {
            hasher.update(Array(rest.prefix(size)))
            rest = rest.dropFirst(size)
        }
        hasher.update(Array(rest))
        #expect(hasher.finalize() == vector.digest)
    }

    @Test func digestIs32Bytes() {
        #expect(SHA256.digestByteCount == 32)
    }
}
