/// Why an export failed. Cases name files, columns, encodings and record keys (`member_id`, `order_no`):
/// never a cell value. Whenever an export fails, no output file is left behind.
public enum ExportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The output file already exists; exports never replace a file.
    case outputExists(path: String)
    /// The output file could not be created or written.
    case cannotWrite(path: String, reason: String)
    /// The profile or policy file could not be read.
    case unreadableInput(path: String, reason: String)
    /// The profile is not usable (unknown name, invalid file) or has no layout for the kind.
    case unusableProfile(String)
    /// The masking policy file is not valid.
    case unusablePolicy(String)
    /// The encoding is not one exports write, or does not suit the format.
    case unsupportedEncoding(String)
    /// A value cannot be written in the chosen encoding.
    case unrepresentable(key: String, column: String, encoding: String)
    /// The archive holds versions indexed before the column-to-field mapping was kept.
    case needsRebuild
    /// Reading the archive, or recording the export in the audit log, failed.
    case store(ArchiveError)

    public var description: String {
        switch self {
        case let .outputExists(path):
            "\(path) already exists; exports never replace a file: choose another --out or remove it"
        case let .cannotWrite(path, reason):
            "\(path): \(reason); check the folder exists and is writable"
        case let .unreadableInput(path, reason):
            "\(path): \(reason); check the path"
        case let .unusableProfile(reason):
            "profile: \(reason)"
        case let .unusablePolicy(reason):
            "masking policy: \(reason)"
        case let .unsupportedEncoding(reason):
            "encoding: \(reason)"
        case let .unrepresentable(key, column, encoding):
            "record \(key), column '\(column)': a character cannot be written in \(encoding); "
                + "export in utf-8 (or utf-8-bom for Excel) instead; no file was written"
        case .needsRebuild:
            "this archive's index predates exports (it lacks the sources' column mapping); "
                + "run 'airlock-unpack rebuild' once, then export again"
        case let .store(error):
            error.description
        }
    }
}
