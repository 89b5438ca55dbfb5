internal import CSodium

/// Replaces libsodium's random source with a deterministic one, for generating reproducible test vectors.
///
/// Never use this outside tools and tests: every key, nonce and ephemeral key becomes predictable.
/// It must be called before anything else in the process touches libsodium.
@_spi(Deterministic)
public enum DeterministicRandomness {
    /// Installs a generator seeded with `seed` (32 bytes) via `randombytes_set_implementation`; each request
    /// draws `randombytes_buf_deterministic` with a per-request seed `BLAKE2b-256(seed ‖ counter)`.
    public static func install(seed: [UInt8]) {
        precondition(seed.count == 32, "the deterministic seed is 32 bytes")
        deterministicSeed = seed
        let implementation = UnsafeMutablePointer<randombytes_implementation>.allocate(capacity: 1)
        implementation.initialize(
            to: randombytes_implementation(
                implementation_name: {
                    UnsafeRawPointer(("airlock-deterministic" as StaticString).utf8Start)
                        .assumingMemoryBound(to: CChar.self)
                },
                random: {
                    var value: UInt32 = 0
                    withUnsafeMutableBytes(of: &value) { deterministicFill($0.baseAddress!, $0.count) }
                    return value
                },
                stir: nil,
                uniform: nil,
                buf: { pointer, size in deterministicFill(pointer, size) },
                close: nil))
        // The implementation must outlive every later libsodium call, so it is never freed.
        _ = randombytes_set_implementation(implementation)
    }
}

// Process-wide state of a test-only generator: written once by `install`, then used from libsodium callbacks.
nonisolated(unsafe) private var deterministicSeed: [UInt8] = []
nonisolated(unsafe) private var deterministicCounter: UInt64 = 0

private func deterministicFill(_ pointer: UnsafeMutableRawPointer?, _ size: Int) {
    guard let pointer, size > 0 else { return }
    deterministicCounter += 1
    var input = deterministicSeed
    withUnsafeBytes(of: deterministicCounter.littleEndian) { input.append(contentsOf: $0) }
    var requestSeed = [UInt8](repeating: 0, count: Int(randombytes_seedbytes()))
    _ = crypto_generichash(&requestSeed, requestSeed.count, input, UInt64(input.count), nil, 0)
    randombytes_buf_deterministic(pointer, size, requestSeed)
}
