#if canImport(Glibc)
    import Glibc
#endif

/// Gives the memory that freed objects leave in the C allocator's arenas back to the system.
///
/// Why: in a two-thread pipeline the producer allocates what the consumer frees, and glibc keeps those freed
/// chunks in the producer's arena. Packing 220k order rows left 35 MiB of free memory there with 0.1 MiB in use,
/// and the resident size grew with the input (153 MiB for a million order rows). Releasing every 64 batches
/// (``BatchedProducer``) took that run to 126 MiB (`Benchmarks/RESULTS.md`).
public enum FreeMemory {
    /// Releases free pages of every malloc arena (glibc's `malloc_trim(0)`); does nothing elsewhere.
    public static func release() {
        #if canImport(Glibc)
            // Swift's Glibc module leaves out <malloc.h>, so the function is looked up once by name.
            _ = trim?(0)
        #endif
    }

    #if canImport(Glibc)
        private typealias Trim = @convention(c) (Int) -> Int32
        private static let trim: Trim? = dlsym(nil, "malloc_trim").map { unsafeBitCast($0, to: Trim.self) }
    #endif
}
