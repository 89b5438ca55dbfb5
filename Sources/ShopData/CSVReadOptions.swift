/// How `CSVReader` reads a file: encoding, limits, and which duplicate header names are allowed.
public struct CSVReadOptions: Sendable, Equatable {
    /// The encoding to decode with; `nil` detects it (BOM, then UTF-8, then CP932 or Big5).
    public var encoding: ShopEncoding?
    /// The encoding to use when `encoding` is `nil` and the file is not UTF-8, instead of guessing between CP932
    /// and Big5 (a profile's `default_encoding`).
    public var fallbackEncoding: ShopEncoding?
    /// The largest field, in bytes as stored (quotes included). Default 64 KiB.
    public var maxFieldBytes: Int
    /// The largest row, in bytes, line ending excluded. Default 1 MiB.
    public var maxRowBytes: Int
    /// How many bytes are read from the file at a time. Default 1 MiB.
    public var blockSize: Int
    /// Header names that may appear more than once (see `CSVHeader.keys` for how they are told apart).
    public var allowedDuplicateHeaders: DuplicateHeaders

    /// Creates options.
    /// - Parameters:
    ///   - encoding: The encoding, or `nil` to detect it.
    ///   - maxFieldBytes: The largest field in bytes.
    ///   - maxRowBytes: The largest row in bytes.
    ///   - blockSize: How many bytes to read at a time.
    ///   - allowedDuplicateHeaders: Which header names may repeat.
    public init(
        encoding: ShopEncoding? = nil, maxFieldBytes: Int = 64 * 1024, maxRowBytes: Int = 1024 * 1024,
        blockSize: Int = 1024 * 1024, allowedDuplicateHeaders: DuplicateHeaders = .none
    ) {
        self.encoding = encoding
        self.fallbackEncoding = nil
        self.maxFieldBytes = max(1, maxFieldBytes)
        self.maxRowBytes = max(1, maxRowBytes)
        self.blockSize = max(16, blockSize)
        self.allowedDuplicateHeaders = allowedDuplicateHeaders
    }
}

/// Which header names may appear more than once.
public enum DuplicateHeaders: Sendable, Equatable {
    /// None: a repeated name is `ShopDataError.duplicateHeaderName`.
    case none
    /// Only these names (a profile's `duplicate_columns`).
    case names(Set<String>)
    /// Any name (used to read a header before the profile is known).
    case any

    func allows(_ name: String) -> Bool {
        switch self {
        case .none: false
        case .names(let names): names.contains(name)
        case .any: true
        }
    }
}
