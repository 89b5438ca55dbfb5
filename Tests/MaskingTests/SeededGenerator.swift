/// A deterministic random number generator (SplitMix64), so that property tests are reproducible.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A random element of a non-empty array.
    mutating func pick<T>(_ items: [T]) -> T {
        items.randomElement(using: &self)!
    }

    /// `count` random ASCII digits.
    mutating func digits(_ count: Int) -> String {
        String((0..<count).map { _ in pick(Array("0123456789")) })
    }

    /// True with probability one half.
    mutating func coin() -> Bool {
        Bool.random(using: &self)
    }
}
