/// A pattern for timestamps as shops write them, e.g. `yyyy-MM-dd HH:mm:ss` or `yyyy-MM-dd HH:mm:ss Z`.
///
/// Tokens: `yyyy` (4-digit year), `MM`/`dd`/`HH`/`mm`/`ss` (exactly 2 digits), `M`/`d`/`H` (1 or 2 digits),
/// `S` (a fraction of a second, 1–9 digits, ignored beyond milliseconds), `Z` (a zone: `Z`, `+09:00`, `+0900`,
/// `+09`). Every other character must appear literally (`-`, `/`, `:`, ` `, `T`, `.`). The text must match the
/// whole pattern. This is deliberately a small subset of Unicode date patterns, parsed by hand: no
/// `DateFormatter` is created per value.
public struct TimestampFormat: Sendable, Equatable, Hashable, CustomStringConvertible {
    enum Token: Sendable, Equatable, Hashable {
        case year
        case month(minDigits: Int)
        case day(minDigits: Int)
        case hour(minDigits: Int)
        case minute
        case second
        case fraction
        case zone
        case literal(UInt8)
    }

    /// The pattern as written.
    public let pattern: String
    let tokens: [Token]

    /// Parses a pattern.
    /// - Parameter pattern: The pattern, e.g. `yyyy/M/d H:mm`.
    /// - Returns: `nil` when the pattern uses an unknown letter run (`yy`, `MMM`, `a`), is not ASCII, or has
    ///   no year, month and day.
    public init?(_ pattern: String) {
        let bytes = Array(pattern.utf8)
        var tokens: [Token] = []
        var index = 0
        while index < bytes.count {
            let letter = bytes[index]
            guard letter < 0x80 else { return nil }
            var run = 1
            while index + run < bytes.count, bytes[index + run] == letter { run += 1 }
            switch (Character(Unicode.Scalar(letter)), run) {
            case ("y", 4): tokens.append(.year)
            case ("M", 1...2): tokens.append(.month(minDigits: run))
            case ("d", 1...2): tokens.append(.day(minDigits: run))
            case ("H", 1...2): tokens.append(.hour(minDigits: run))
            case ("m", 2): tokens.append(.minute)
            case ("s", 2): tokens.append(.second)
            case ("S", _): tokens.append(.fraction)
            case ("Z", 1), ("X", 1...3): tokens.append(.zone)
            case (let character, _) where character.isLetter && character != "T":
                return nil
            default:
                tokens.append(contentsOf: repeatElement(.literal(letter), count: run))
            }
            index += run
        }
        guard tokens.contains(.year), tokens.contains(where: { if case .month = $0 { true } else { false } }),
            tokens.contains(where: { if case .day = $0 { true } else { false } })
        else { return nil }
        self.pattern = pattern
        self.tokens = tokens
    }

    /// The pattern as written.
    public var description: String { pattern }

    /// What shops write, tried in this order when a profile names no formats: `yyyy-MM-dd HH:mm:ss`,
    /// `yyyy-MM-dd HH:mm`, `yyyy/M/d H:mm:ss`, `yyyy/M/d H:mm`, `yyyy-MM-dd`, `yyyy/M/d`,
    /// `yyyy-MM-ddTHH:mm:ssZ`, `yyyy-MM-ddTHH:mm:ss.SZ`, `yyyy-MM-ddTHH:mm:ss`, `yyyy-MM-dd HH:mm:ss Z`.
    public static let defaults: [TimestampFormat] = [
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy/M/d H:mm:ss", "yyyy/M/d H:mm", "yyyy-MM-dd", "yyyy/M/d",
        "yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-ddTHH:mm:ss.SZ", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss Z",
    ].map { TimestampFormat($0)! }
}
