@_spi(Forging) import SodiumKit
import Testing

/// One of libsodium's secretstream vectors: key, header and chunks with their tag, additional data and message.
struct SecretStreamVector: Sendable, CustomTestStringConvertible {
    struct Chunk: Sendable {
        let tag: UInt8
        let additionalData: [UInt8]
        let message: [UInt8]
        let ciphertext: [UInt8]
    }
    let index: Int
    let key: [UInt8]
    let header: [UInt8]
    let chunks: [Chunk]
    var testDescription: String { "stream \(index), tags \(chunks.map(\.tag))" }

    static func all() throws -> [SecretStreamVector] {
        struct Stream: Decodable {
            struct Chunk: Decodable { let tag: UInt8, ad, message, ciphertext: String }
            let key, header: String
            let chunks: [Chunk]
        }
        return try VectorFiles.json([Stream].self, "libsodium/secretstream-test-vectors.json").enumerated().map {
            index, stream in
            SecretStreamVector(
                index: index, key: .init(hex: stream.key), header: .init(hex: stream.header),
                chunks: stream.chunks.map {
                    Chunk(
                        tag: $0.tag, additionalData: .init(hex: $0.ad), message: .init(hex: $0.message),
                        ciphertext: .init(hex: $0.ciphertext))
                })
        }
    }
}

/// A pushed stream: header, chunks, and what went into them.
private struct PushedStream {
    let key = SymmetricKey.random()
    let header: [UInt8]
    let messages: [[UInt8]]
    let additionalData: [[UInt8]]
    let chunks: [[UInt8]]

    /// `count` chunks of 0…(count·37) bytes, each with its own additional data; the last one is tagged final.
    init(count: Int, chunkAfterFinal: Bool = false) {
        let pusher = SecretStreamPusher(key: key)
        pusher.permitsChunksAfterFinal = chunkAfterFinal
        let messages = (0..<count).map { Random.bytes($0 * 37 % 1000) }
        let additionalData = (0..<count).map { Array("chunk \($0)".utf8) }
        var chunks = (0..<count).map {
            pusher.push(messages[$0], tag: $0 == count - 1 ? .final : .message, additionalData: additionalData[$0])
        }
        if chunkAfterFinal { chunks.append(pusher.push([1, 2, 3], tag: .message)) }
        (header, self.messages, self.additionalData, self.chunks) = (pusher.header, messages, additionalData, chunks)
    }

    func puller() throws(SodiumError) -> SecretStreamPuller { try SecretStreamPuller(key: key, header: header) }
}

@Suite struct SecretStreamTests {
    /// Tags 0 and 3 decrypt to every message and tag; the first chunk with another tag (REKEY = 2) authenticates
    /// but is refused with `unexpectedTag`, which Airlock never writes.
    @Test(arguments: try SecretStreamVector.all())
    func pullKnownAnswer(_ vector: SecretStreamVector) throws {
        let puller = try SecretStreamPuller(
            key: SymmetricKey(bytes: SecureBytes(copying: vector.key)), header: vector.header)
        for chunk in vector.chunks {
            guard let expected = StreamTag(rawValue: chunk.tag) else {
                #expect(throws: SodiumError.unexpectedTag(chunk.tag)) {
                    try puller.pull(chunk.ciphertext, additionalData: chunk.additionalData)
                }
                return
            }
            let (message, tag) = try puller.pull(chunk.ciphertext, additionalData: chunk.additionalData)
            #expect(message == chunk.message)
            #expect(tag == expected)
        }
        try puller.finish()
        #expect(throws: SodiumError.dataAfterFinalChunk) { try puller.pull(vector.chunks[0].ciphertext) }
    }

    @Test func vectorTablesAreComplete() throws {
        #expect(try SecretStreamVector.all().map { $0.chunks.map(\.tag) } == [[3], [2, 2, 2, 2, 3], [0, 0, 3]])
    }

    @Test func roundTripWithManyChunks() throws {
        let stream = PushedStream(count: 60)
        let puller = try stream.puller()
        for index in stream.chunks.indices {
            let (message, tag) = try puller.pull(stream.chunks[index], additionalData: stream.additionalData[index])
            #expect(message == stream.messages[index])
            #expect(stream.chunks[index].count == message.count + SecretStream.overheadByteCount)
            #expect(tag == (index == stream.chunks.count - 1 ? .final : .message))
        }
        try puller.finish()
    }

    @Test func missingFinalChunk() throws {
        let stream = PushedStream(count: 3)
        let puller = try stream.puller()
        #expect(throws: SodiumError.missingFinalChunk) { try puller.finish() }
        for index in 0..<2 { _ = try puller.pull(stream.chunks[index], additionalData: stream.additionalData[index]) }
        #expect(throws: SodiumError.missingFinalChunk) { try puller.finish() }
    }

    @Test func dataAfterFinalChunk() throws {
        let stream = PushedStream(count: 2, chunkAfterFinal: true)
        let puller = try stream.puller()
        for index in 0..<2 { _ = try puller.pull(stream.chunks[index], additionalData: stream.additionalData[index]) }
        #expect(throws: SodiumError.dataAfterFinalChunk) { try puller.pull(stream.chunks[2]) }
        // A failed stream stays failed: it can no longer be finished as if it were whole.
        #expect(throws: SodiumError.authenticationFailed) { try puller.finish() }
    }

    /// Chunk orders that are not 0, 1, 2, 3: the first chunk out of place fails authentication.
    @Test(arguments: [[1, 0, 2, 3], [0, 2, 1, 3], [0, 1, 3], [0, 2, 3], [0, 1, 2, 2], [0, 0]])
    func reorderedOrDroppedChunkFails(_ order: [Int]) throws {
        let stream = PushedStream(count: 4)
        let puller = try stream.puller()
        let firstWrong = order.indices.first { order[$0] != $0 }!
        for position in 0..<firstWrong {
            _ = try puller.pull(stream.chunks[order[position]], additionalData: stream.additionalData[order[position]])
        }
        let chunk = order[firstWrong]
        #expect(throws: SodiumError.authenticationFailed) {
            try puller.pull(stream.chunks[chunk], additionalData: stream.additionalData[chunk])
        }
    }

    @Test func alteredChunkWrongDataOrKeyFails() throws {
        let stream = PushedStream(count: 2)
        let chunk = stream.chunks[1]
        let additionalData = stream.additionalData[1]
        let attempts: [(chunk: [UInt8], additionalData: [UInt8], key: SymmetricKey)] = [
            (chunk.flippingBit(0), additionalData, stream.key),
            (chunk.flippingBit(chunk.count * 8 - 1), additionalData, stream.key),
            (Array(chunk.dropLast()), additionalData, stream.key),
            (chunk, additionalData.flippingBit(5), stream.key),
            (chunk, [], stream.key),
            (chunk, additionalData, .random()),
        ]
        for attempt in attempts {
            let puller = try SecretStreamPuller(key: attempt.key, header: stream.header)
            if attempt.key === stream.key {
                _ = try puller.pull(stream.chunks[0], additionalData: stream.additionalData[0])
            }
            #expect(throws: SodiumError.authenticationFailed) {
                try puller.pull(attempt.chunk, additionalData: attempt.additionalData)
            }
        }
        let puller = try stream.puller()
        #expect(throws: SodiumError.authenticationFailed) { try puller.pull(Array(repeating: 0, count: 16)) }
    }

    @Test func headerOfWrongLength() {
        #expect(throws: SodiumError.invalidLength(what: "a secretstream header", expected: 24, actual: 23)) {
            try SecretStreamPuller(key: .random(), header: .init(repeating: 0, count: 23))
        }
    }
}
