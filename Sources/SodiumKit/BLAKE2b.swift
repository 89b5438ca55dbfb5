internal import CSodium

/// BLAKE2b through `crypto_generichash`: one-shot and streaming, optionally keyed.
public final class BLAKE2b {
    // libsodium declares the state 64-byte aligned, which Swift cannot import, so it is allocated by size.
    private let state: OpaquePointer
    private let outputLength: Int
    private var finalized = false

    /// Starts a streaming hash (`crypto_generichash_init`).
    ///
    /// - Parameters:
    ///   - outputLength: 16…64 bytes.
    ///   - key: an optional key of 16…64 bytes (keyed BLAKE2b, a MAC).
    public init(outputLength: Int, key: [UInt8] = []) {
        precondition((16...64).contains(outputLength), "BLAKE2b output is 16…64 bytes")
        precondition(key.isEmpty || (16...64).contains(key.count), "a BLAKE2b key is 16…64 bytes")
        try? Sodium.ensureInitialized()
        self.outputLength = outputLength
        state = OpaquePointer(UnsafeMutableRawPointer.allocate(byteCount: crypto_generichash_statebytes(), alignment: 64))
        _ = crypto_generichash_init(state, key.isEmpty ? nil : key, key.count, outputLength)
    }

    deinit {
        let raw = UnsafeMutableRawPointer(state)
        sodium_memzero(raw, crypto_generichash_statebytes())
        raw.deallocate()
    }

    /// Absorbs more input (`crypto_generichash_update`).
    public func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        _ = crypto_generichash_update(state, base.assumingMemoryBound(to: UInt8.self), UInt64(bytes.count))
    }

    /// Absorbs more input.
    public func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// Ends the hash and returns the digest (`crypto_generichash_final`).
    ///
    /// - Precondition: called once.
    public func finalize() -> [UInt8] {
        precondition(!finalized, "BLAKE2b.finalize called twice")
        finalized = true
        var output = [UInt8](repeating: 0, count: outputLength)
        _ = crypto_generichash_final(state, &output, outputLength)
        return output
    }

    /// A one-shot digest of `bytes`.
    public static func hash(_ bytes: [UInt8], outputLength: Int = 32, key: [UInt8] = []) -> [UInt8] {
        let hasher = BLAKE2b(outputLength: outputLength, key: key)
        hasher.update(bytes)
        return hasher.finalize()
    }
}
