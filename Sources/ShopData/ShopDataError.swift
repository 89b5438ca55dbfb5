/// What can go wrong reading or writing a shop's CSV exports and their profiles.
///
/// Cases carry positions, limits, encodings and column (header) names, never cell values: an error message may
/// end up in a log or a ticket, and the cells hold personal data.
public enum ShopDataError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file has no bytes at all (or only a byte order mark): there is not even a header.
    case emptyFile(file: String)
    /// A header cell is empty (or only spaces).
    case emptyHeaderName(CSVLocation)
    /// Two header cells have the same name and the profile does not declare that name as a duplicate.
    case duplicateHeaderName(CSVLocation, firstColumn: Int)
    /// A row has a different number of cells than the header.
    case raggedRow(CSVLocation, expected: Int, actual: Int)
    /// A blank line stands between rows (a record of a single empty cell in a file with more columns).
    case blankLine(CSVLocation)
    /// A quoted field is never closed: the file ends inside quotes.
    case unterminatedQuote(CSVLocation)
    /// A double quote stands inside a field that does not start with a quote.
    case strayQuote(CSVLocation)
    /// Something other than a comma or a line break follows the closing quote of a quoted field.
    case textAfterClosingQuote(CSVLocation)
    /// A field holds a NUL byte (0x00): the file is binary or saved as UTF-16.
    case nulByte(CSVLocation)
    /// A field holds bytes that are not valid in the file's encoding.
    case invalidBytes(CSVLocation, encoding: ShopEncoding)
    /// A field holds a UTF-8 byte order mark (U+FEFF) after the start of the file: files were concatenated.
    case byteOrderMarkInMiddle(CSVLocation)
    /// A field is longer than the limit, in bytes.
    case fieldTooLong(CSVLocation, limit: Int)
    /// A row is longer than the limit, in bytes.
    case rowTooLong(CSVLocation, limit: Int)
    /// The file is neither UTF-8 nor decodable as CP932 or Big5.
    case unknownEncoding(file: String)
    /// An encoding name (from a profile or an option) is not one Airlock knows.
    case unsupportedEncoding(name: String)
    /// A value cannot be written in the target encoding without changing it.
    case unrepresentable(CSVLocation, encoding: ShopEncoding)
    /// A system call on the file failed.
    case io(file: String, operation: String, errno: Int32)
    /// A profile file is not valid: `key` is the JSON path of the offending key (`orders.columns.Name`).
    case invalidProfile(profile: String, key: String, problem: String)
    /// No profile of this name is known.
    case unknownProfile(name: String)
    /// The header matches no known profile.
    case noProfileMatches(file: String)
    /// The header matches several profiles.
    case ambiguousProfile(file: String, candidates: [String])
    /// The profile's key column (`member_id` / `order_no`) is not in the header.
    case missingKeyColumn(file: String, column: String)
    /// A row's key cell (member ID, order number) is empty.
    case emptyKey(CSVLocation)
    /// The line-item rows of one order are not consecutive: the row continues an order whose rows ended at
    /// `earlierRow`.
    case orderRowsSplit(CSVLocation, earlierRow: Int)

    public var description: String {
        switch self {
        case .emptyFile(let file):
            "\(file): the file is empty (no header row); export it again from the shop"
        case .emptyHeaderName(let at):
            "\(at): the header cell is empty; give every column a name"
        case .duplicateHeaderName(let at, let firstColumn):
            "\(at): the header name also names column \(firstColumn); rename one, or use a profile that declares it"
        case .raggedRow(let at, let expected, let actual):
            "\(at): the row has \(actual) cells, the header has \(expected); check for an unquoted comma or a cut line"
        case .blankLine(let at):
            "\(at): the line is blank; remove blank lines from the file"
        case .unterminatedQuote(let at):
            "\(at): the quoted field is never closed; the file ends inside quotes (a missing \")"
        case .strayQuote(let at):
            "\(at): a double quote stands inside an unquoted field; quote the field and double the quote (\"\")"
        case .textAfterClosingQuote(let at):
            "\(at): text follows the closing quote of the field; double quotes inside quoted fields (\"\")"
        case .nulByte(let at):
            "\(at): the field holds a NUL byte; the file is binary or UTF-16, save it as UTF-8 CSV"
        case .invalidBytes(let at, let encoding):
            "\(at): the field is not valid \(encoding.displayName); pass the file's encoding (--encoding) or fix it"
        case .byteOrderMarkInMiddle(let at):
            "\(at): a byte order mark stands inside the file; files were joined, export the file again"
        case .fieldTooLong(let at, let limit):
            "\(at): the field is longer than \(limit) bytes; often an unbalanced quote makes fields run together"
        case .rowTooLong(let at, let limit):
            "\(at): the row is longer than \(limit) bytes; often an unbalanced quote makes rows run together"
        case .unknownEncoding(let file):
            "\(file): the file is not UTF-8, CP932 or Big5; pass its encoding (--encoding)"
        case .unsupportedEncoding(let name):
            "unknown encoding \"\(name)\"; use utf-8, utf-8-bom, cp932, big5 or big5-hkscs"
        case .unrepresentable(let at, let encoding):
            "\(at): the value has characters \(encoding.displayName) cannot hold; write UTF-8 or change the value"
        case .io(let file, let operation, let code):
            "\(file): \(operation) failed: \(systemErrorMessage(code))"
        case .invalidProfile(let profile, let key, let problem):
            "profile \(profile): \(key): \(problem)"
        case .unknownProfile(let name):
            "unknown profile \"\(name)\"; use airlock, shopify, ec-cube or a profile file (.json)"
        case .noProfileMatches(let file):
            "\(file): the header matches no known layout; pass --profile"
        case .ambiguousProfile(let file, let candidates):
            "\(file): the header matches several layouts (\(candidates.joined(separator: ", "))); pass --profile"
        case .missingKeyColumn(let file, let column):
            "\(file): the key column \"\(column)\" is missing from the header; check the profile"
        case .emptyKey(let at):
            "\(at): the key cell is empty; every row needs its member ID or order number"
        case .orderRowsSplit(let at, let earlierRow):
            "\(at): the row continues an order whose rows ended before (at row \(earlierRow)); sort rows by order"
        }
    }
}
