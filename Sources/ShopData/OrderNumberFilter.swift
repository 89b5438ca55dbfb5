/// A fixed-size set of order numbers that can only answer "maybe seen" or "certainly not seen" (a Bloom filter).
///
/// Catching split orders exactly means remembering every order number, which grows with the export (about 30
/// bytes per order). This filter takes 4 MiB whatever the file's size; a key it reports as maybe seen is then
/// checked exactly by re-reading the file (``SplitOrderCheck/bounded``). With 350,000 orders added, a never-seen
/// key is reported as maybe seen about once in 350,000 look-ups; with 3.5 million, about once in 75.
struct OrderNumberFilter {
    /// 2^25 bits.
    private static let wordCount = 1 << 19
    private static let probes = 4
    private var words = [UInt64](repeating: 0, count: wordCount)

    init() {}

    /// Adds `key`.
    mutating func insert(_ key: String) {
        var (position, step) = Self.start(key)
        words.withUnsafeMutableBufferPointer { words in
            for _ in 0..<Self.probes {
                words[Int(position >> 6)] |= 1 << (position & 63)
                position = (position &+ step) & Self.bitMask
                step = step &+ 1
            }
        }
    }

    /// Whether `key` may have been added: false means it certainly was not.
    func mayContain(_ key: String) -> Bool {
        var (position, step) = Self.start(key)
        return words.withUnsafeBufferPointer { words in
            for _ in 0..<Self.probes {
                guard words[Int(position >> 6)] & (1 << (position & 63)) != 0 else { return false }
                position = (position &+ step) & Self.bitMask
                step = step &+ 1
            }
            return true
        }
    }

    private static let bitMask = UInt64(wordCount * 64 - 1)

    /// The first bit and the stride of the double hashing (Kirsch–Mitzenmacher, with an incrementing stride).
    /// `Hasher` is seeded at random per process, so a crafted file cannot aim for collisions.
    private static func start(_ key: String) -> (UInt64, UInt64) {
        var hasher = Hasher()
        hasher.combine(key)
        let hash = UInt64(bitPattern: Int64(hasher.finalize()))
        return (hash & bitMask, (hash >> 32) | 1)
    }
}
