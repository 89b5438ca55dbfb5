/// A character encoding of shop CSV files.
///
/// A UTF-8 byte order mark is not an encoding of its own: it is `CSVDialect.byteOrderMark`.
public enum ShopEncoding: String, Sendable, Equatable, Hashable, CaseIterable, Codable {
    /// UTF-8 (with or without a byte order mark).
    case utf8 = "utf-8"
    /// Windows Shift_JIS (code page 932): Japanese Excel and EC-CUBE. Includes NEC and IBM extensions (①, ㈱, 髙).
    case cp932
    /// Big5 as Windows writes it (code page 950): Taiwanese Excel and back offices. Includes € and the ETEN
    /// characters 碁銹裏墻恒粧嫺 (0xF9D6–0xF9DC).
    case big5
    /// Big5-HKSCS: Hong Kong supplementary characters. Never detected; only by explicit choice.
    case big5HKSCS = "big5-hkscs"

    /// The name glibc's iconv knows the encoding by.
    ///
    /// `CP950` rather than `BIG5-HKSCS` for `big5`: Taiwanese files come from Windows (code page 950), and
    /// glibc's BIG5-HKSCS has no mapping for €, ‧ (0xA145) or ～ (0xA1E3), which such files contain. glibc's
    /// `BIG5` and `CP950` decode all 16,242 double-byte codes identically; `CP950` says which table is meant.
    var iconvName: String {
        switch self {
        case .utf8: "UTF-8"
        case .cp932: "CP932"
        case .big5: "CP950"
        case .big5HKSCS: "BIG5-HKSCS"
        }
    }

    /// A name for messages: `UTF-8`, `CP932 (Shift_JIS)`, `Big5 (CP950)`, `Big5-HKSCS`.
    public var displayName: String {
        switch self {
        case .utf8: "UTF-8"
        case .cp932: "CP932 (Shift_JIS)"
        case .big5: "Big5 (CP950)"
        case .big5HKSCS: "Big5-HKSCS"
        }
    }

    /// Parses an encoding name as users and profiles write it.
    ///
    /// Accepts (case-insensitive) `utf-8`, `utf8`, `cp932`, `shift_jis`, `sjis`, `windows-31j`, `ms932`, `big5`,
    /// `cp950`, `big5-hkscs`. `utf-8-bom` is parsed by `CSVDialect.Output.init(encodingName:)`.
    /// - Parameter name: The name.
    /// - Throws: `ShopDataError.unsupportedEncoding` for any other name.
    public init(name: String) throws(ShopDataError) {
        switch name.lowercased() {
        case "utf-8", "utf8": self = .utf8
        case "cp932", "shift_jis", "shift-jis", "sjis", "windows-31j", "ms932": self = .cp932
        case "big5", "cp950", "big-5": self = .big5
        case "big5-hkscs", "big5hkscs": self = .big5HKSCS
        default: throw .unsupportedEncoding(name: name)
        }
    }
}
