/// How a CSV file is written: encoding, byte order mark, line ending and quoting.
///
/// The reader reports the dialect of the file it reads; a re-export passes the same dialect to `CSVWriter` so
/// the output looks like the input.
public struct CSVDialect: Sendable, Equatable, Hashable {
    /// The character encoding.
    public var encoding: ShopEncoding
    /// Whether the file starts with a UTF-8 byte order mark (only meaningful for UTF-8).
    public var byteOrderMark: Bool
    /// The line ending between records.
    public var lineEnding: LineEnding
    /// When fields are quoted.
    public var quoting: QuotingStyle

    /// Creates a dialect; the default is RFC 4180: UTF-8 without BOM, CRLF, quote when needed.
    /// - Parameters:
    ///   - encoding: The character encoding.
    ///   - byteOrderMark: Whether to start with a UTF-8 byte order mark.
    ///   - lineEnding: The line ending between records.
    ///   - quoting: When fields are quoted.
    public init(
        encoding: ShopEncoding = .utf8, byteOrderMark: Bool = false, lineEnding: LineEnding = .crlf,
        quoting: QuotingStyle = .whenNeeded
    ) {
        self.encoding = encoding
        self.byteOrderMark = byteOrderMark && encoding == .utf8
        self.lineEnding = lineEnding
        self.quoting = quoting
    }

    /// Sets encoding and byte order mark from an output encoding name: `utf-8`, `utf-8-bom`, `cp932`, `big5`, ….
    /// - Parameter name: The name.
    /// - Throws: `ShopDataError.unsupportedEncoding` for unknown names.
    public mutating func setEncoding(named name: String) throws(ShopDataError) {
        switch name.lowercased() {
        case "utf-8-bom", "utf8-bom", "utf-8-sig", "utf8bom":
            encoding = .utf8
            byteOrderMark = true
        default:
            encoding = try ShopEncoding(name: name)
            byteOrderMark = false
        }
    }
}

/// A record separator.
public enum LineEnding: String, Sendable, Equatable, Hashable, CaseIterable, Codable {
    /// CR LF (RFC 4180, Windows, Excel).
    case crlf
    /// LF (Unix).
    case lf
    /// A lone CR (classic Mac OS); read, and written only on request.
    case cr

    /// The bytes of the line ending.
    public var bytes: [UInt8] {
        switch self {
        case .crlf: [0x0D, 0x0A]
        case .lf: [0x0A]
        case .cr: [0x0D]
        }
    }
}

/// When the writer puts a field in double quotes.
public enum QuotingStyle: String, Sendable, Equatable, Hashable, CaseIterable, Codable {
    /// Only fields that hold a comma, a double quote, CR or LF, or start or end with a space or tab.
    case whenNeeded = "when-needed"
    /// Every field, empty ones too (`""`).
    case all
}
