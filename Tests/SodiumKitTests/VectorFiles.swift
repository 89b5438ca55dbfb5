import Foundation

/// Reads the known-answer files copied into `Vectors/` (see `Vectors/README.md`), a resource of this target.
enum VectorFiles {
    /// The bytes of `Vectors/<path>`.
    static func data(_ path: String) throws -> Data {
        guard let folder = Bundle.module.url(forResource: "Vectors", withExtension: nil) else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try Data(contentsOf: folder.appendingPathComponent(path))
    }

    /// Decodes `Vectors/<path>` as JSON.
    static func json<T: Decodable>(_ type: T.Type, _ path: String) throws -> T {
        try JSONDecoder().decode(type, from: data(path))
    }

    /// The lines of a text file that are neither empty nor `#` comments.
    static func lines(_ path: String) throws -> [Substring] {
        String(decoding: try data(path), as: UTF8.self).split(separator: "\n")
            .filter { !$0.hasPrefix("#") && !$0.allSatisfy(\.isWhitespace) }
    }
}

extension Array where Element == UInt8 {
    /// Decodes lowercase or uppercase hex; traps on malformed vector files, which are fixed test inputs.
    init(hex: some StringProtocol) {
        let digits = Array(hex.utf8)
        precondition(digits.count.isMultiple(of: 2), "odd-length hex in a vector file")
        self = stride(from: 0, to: digits.count, by: 2).map { index in
            UInt8(String(decoding: digits[index..<index + 2], as: UTF8.self), radix: 16)!
        }
    }

    /// The same bytes with one bit flipped.
    func flippingBit(_ bit: Int) -> [UInt8] {
        var copy = self
        copy[bit / 8] ^= 1 << (bit % 8)
        return copy
    }
}
