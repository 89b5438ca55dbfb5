internal import CSodium

/// The chunk tags of `crypto_secretstream_xchacha20poly1305` that Airlock uses.
public enum StreamTag: UInt8, Sendable {
    /// An ordinary chunk (`TAG_MESSAGE`).
    case message = 0
    /// The last chunk of the stream (`TAG_FINAL`).
    case final = 3
}

/// Sizes of `crypto_secretstream_xchacha20poly1305`.
public enum SecretStream {
    /// The stream header's size (24).
    public static var headerByteCount: Int { Int(crypto_secretstream_xchacha20poly1305_headerbytes()) }
    /// What each chunk adds to its plaintext: tag and MAC (17).
    public static var overheadByteCount: Int { Int(crypto_secretstream_xchacha20poly1305_abytes()) }
}

/// Encrypts a stream in chunks (`crypto_secretstream_xchacha20poly1305_push`).
///
/// The state, which holds key material, lives in guarded memory and is wiped when the pusher is released.
public final class SecretStreamPusher {
    private let state: SecureBytes
    private var finished = false
    /// Lets a test forge streams that break the rules (chunks after the final one). Never set in products.
    @_spi(Forging) public var permitsChunksAfterFinal = false
    /// The stream header that the puller needs; not secret.
    public let header: [UInt8]

    /// Starts a stream with `key` and a random header (`…_init_push`).
    public init(key: SymmetricKey) {
        var header = [UInt8](repeating: 0, count: SecretStream.headerByteCount)
        state = SecureBytes(count: MemoryLayout<crypto_secretstream_xchacha20poly1305_state>.size) { buffer in
            key.secret.withUnsafeBytes { key in
                _ = crypto_secretstream_xchacha20poly1305_init_push(
                    buffer.baseAddress!.assumingMemoryBound(to: crypto_secretstream_xchacha20poly1305_state.self),
                    &header, key.typed)
            }
        }
        self.header = header
    }

    /// Encrypts one chunk; `output` receives `message.count + overheadByteCount` bytes.
    ///
    /// - Precondition: no chunk was pushed with ``StreamTag/final`` before.
    public func push(
        _ message: UnsafeRawBufferPointer, tag: StreamTag, additionalData: [UInt8],
        into output: UnsafeMutableRawBufferPointer
    ) {
        precondition(!finished || permitsChunksAfterFinal, "secretstream: a chunk pushed after the final chunk")
        precondition(output.count >= message.count + SecretStream.overheadByteCount, "secretstream: output too small")
        finished = tag == .final
        state.withUnsafeBytes { state in
            let statePointer = UnsafeMutableRawPointer(mutating: state.baseAddress!)
                .assumingMemoryBound(to: crypto_secretstream_xchacha20poly1305_state.self)
            _ = crypto_secretstream_xchacha20poly1305_push(
                statePointer, output.typed, nil, message.count == 0 ? nil : message.typed, UInt64(message.count),
                additionalData.isEmpty ? nil : additionalData, UInt64(additionalData.count), tag.rawValue)
        }
    }

    /// Encrypts one chunk and returns the ciphertext.
    public func push(_ message: [UInt8], tag: StreamTag, additionalData: [UInt8] = []) -> [UInt8] {
        let count = message.count + SecretStream.overheadByteCount
        return [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            message.withUnsafeBytes { push($0, tag: tag, additionalData: additionalData, into: UnsafeMutableRawBufferPointer(buffer)) }
            initialized = count
        }
    }
}

/// Decrypts a stream chunk by chunk (`crypto_secretstream_xchacha20poly1305_pull`) and enforces its end:
/// no chunk may follow the final one, and ``finish()`` fails unless the final chunk was seen.
public final class SecretStreamPuller {
    private let state: SecureBytes
    private var sawFinal = false
    /// After any failure the stream is dead: every later pull and ``finish()`` fail too.
    private var failed = false

    /// Starts pulling a stream with `key` and the stream's `header` (`…_init_pull`).
    /// - Throws: ``SodiumError/invalidLength(what:expected:actual:)`` or ``SodiumError/authenticationFailed``.
    public init(key: SymmetricKey, header: [UInt8]) throws(SodiumError) {
        guard header.count == SecretStream.headerByteCount else {
            throw .invalidLength(what: "a secretstream header", expected: SecretStream.headerByteCount, actual: header.count)
        }
        state = try SecureBytes(count: MemoryLayout<crypto_secretstream_xchacha20poly1305_state>.size) {
            (buffer) throws(SodiumError) in
            let status = key.secret.withUnsafeBytes { key in
                crypto_secretstream_xchacha20poly1305_init_pull(
                    buffer.baseAddress!.assumingMemoryBound(to: crypto_secretstream_xchacha20poly1305_state.self),
                    header, key.typed)
            }
            try check(status, else: .authenticationFailed)
        }
    }

    /// Decrypts one chunk into `output` (at least `chunk.count - overheadByteCount` bytes) and returns its tag.
    ///
    /// - Throws: ``SodiumError/dataAfterFinalChunk``, ``SodiumError/authenticationFailed``,
    ///   ``SodiumError/unexpectedTag(_:)`` for tags other than message and final.
    public func pull(
        _ chunk: UnsafeRawBufferPointer, additionalData: [UInt8], into output: UnsafeMutableRawBufferPointer
    ) throws(SodiumError) -> StreamTag {
        guard !failed else { throw .authenticationFailed }
        guard !sawFinal else {
            failed = true
            throw .dataAfterFinalChunk
        }
        failed = true
        guard chunk.count >= SecretStream.overheadByteCount,
            output.count >= chunk.count - SecretStream.overheadByteCount
        else { throw .authenticationFailed }
        var tag: UInt8 = 0
        let status = state.withUnsafeBytes { state in
            let statePointer = UnsafeMutableRawPointer(mutating: state.baseAddress!)
                .assumingMemoryBound(to: crypto_secretstream_xchacha20poly1305_state.self)
            return crypto_secretstream_xchacha20poly1305_pull(
                statePointer, output.count == 0 ? nil : output.typed, nil, &tag, chunk.typed, UInt64(chunk.count),
                additionalData.isEmpty ? nil : additionalData, UInt64(additionalData.count))
        }
        try check(status, else: .authenticationFailed)
        guard let known = StreamTag(rawValue: tag) else { throw .unexpectedTag(tag) }
        failed = false
        sawFinal = known == .final
        return known
    }

    /// Decrypts one chunk and returns its plaintext and tag.
    public func pull(_ chunk: [UInt8], additionalData: [UInt8] = []) throws(SodiumError) -> (
        message: [UInt8], tag: StreamTag
    ) {
        let count = max(0, chunk.count - SecretStream.overheadByteCount)
        var output = [UInt8](repeating: 0, count: count)
        let result: Result<StreamTag, SodiumError> = chunk.withUnsafeBytes { input in
            output.withUnsafeMutableBytes { out in
                Result { () throws(SodiumError) in try pull(input, additionalData: additionalData, into: out) }
            }
        }
        return (output, try result.get())
    }

    /// Confirms that the stream ended exactly at its final chunk.
    /// - Throws: ``SodiumError/missingFinalChunk`` when the final chunk never came, and
    ///   ``SodiumError/authenticationFailed`` when an earlier pull failed.
    public func finish() throws(SodiumError) {
        guard !failed else { throw .authenticationFailed }
        guard sawFinal else { throw .missingFinalChunk }
    }
}
