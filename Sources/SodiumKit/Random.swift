internal import CSodium

/// Randomness from libsodium (`randombytes_buf`).
public enum Random {
    /// `count` bytes from the system's cryptographic random source.
    public static func bytes(_ count: Int) -> [UInt8] {
        try? Sodium.ensureInitialized()
        return [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            if count > 0 { randombytes_buf(buffer.baseAddress!, count) }
            initialized = count
        }
    }
}
