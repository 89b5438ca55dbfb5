internal import CSodium

/// SHA-256 through `crypto_hash_sha256`: one-shot and streaming. Used where a format outside Airlock's own
/// wants it (release checksums that `sha256sum -c` also reads); Airlock's own hashes are BLAKE2b.
public final class SHA256 {
    /// The digest length: 32 bytes (`crypto_hash_sha256_bytes`).
    public static var digestByteCount: Int { Int(crypto_hash_sha256_bytes()) }

    // libsodium's state struct (no alignment beyond its fields'), wiped in deinit.
    private let state: UnsafeMutablePointer<crypto_hash_sha256_state>
    private var finalized = false

    /// Starts a streaming hash (`crypto_hash_sha256_init`).
    public init() {
        try? Sodium.ensureInitialized()
        state = .allocate(capacity: 1)
        _ = crypto_hash_sha256_init(state)
    }

    deinit {
        sodium_memzero(state, MemoryLayout<crypto_hash_sha256_state>.size)
        state.deallocate()
    }

    /// Absorbs more input (`crypto_hash_sha256_update`).
    public func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        _ = crypto_hash_sha256_update(state, base.assumingMemoryBound(to: UInt8.self), UInt64(bytes.count))
    }

    /// Absorbs more input.
    public func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// Ends the hash and returns the 32-byte digest (`crypto_hash_sha256_final`).
    ///
    /// - Precondition: called once.
    public func finalize() -> [UInt8] {
        precondition(!finalized, "SHA256.finalize called twice")
        finalized = true
        var output = [UInt8](repeating: 0, count: Self.digestByteCount)
        _ = crypto_hash_sha256_final(state, &output)
        return output
    }

    /// A one-shot digest of `bytes` (`crypto_hash_sha256`).
    public static func hash(_ bytes: [UInt8]) -> [UInt8] {
        try? Sodium.ensureInitialized()
        var output = [UInt8](repeating: 0, count: digestByteCount)
        _ = crypto_hash_sha256(&output, bytes, UInt64(bytes.count))
        return output
    }
}
