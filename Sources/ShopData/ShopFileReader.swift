public import Foundation

/// Reads a shop export through a profile: opens the CSV, picks the profile (given or detected from the
/// header), and returns mapped rows or, for orders, whole orders.
public final class ShopFileReader {
    /// The underlying CSV reader (dialect, header, raw rows for re-export).
    public let csv: CSVReader
    /// The profile in use.
    public let profile: Profile
    /// Whether the file holds members or orders.
    public let kind: RecordKind
    /// The profile's layout bound to this file's header.
    public let mapper: RowMapper

    /// Opens a file.
    /// - Parameters:
    ///   - url: The CSV file.
    ///   - profile: The profile (`--profile`), or `nil` to detect it from the header among `registry`'s.
    ///   - kind: The kind of records, or `nil` to take it from the profile layout the header matches.
    ///   - encoding: The encoding (`--encoding`), or `nil` to detect it (BOM, UTF-8, then the profile's
    ///     `default_encoding`, or a guess between CP932 and Big5).
    ///   - registry: The profiles to detect among.
    /// - Throws: `ShopDataError` for unreadable files, headers and profiles.
    public init(
        url: URL, profile: Profile? = nil, kind: RecordKind? = nil, encoding: ShopEncoding? = nil,
        registry: ProfileRegistry = .builtIn
    ) throws(ShopDataError) {
        var options = CSVReadOptions(encoding: encoding, allowedDuplicateHeaders: .any)
        options.fallbackEncoding = profile?.defaultEncoding
        csv = try CSVReader(url: url, options: options)
        if let profile {
            self.profile = profile
            if let kind {
                self.kind = kind
            } else if profile.members == nil || profile.orders == nil {
                self.kind = profile.members == nil ? .orders : .members
            } else {
                self.kind = try ProfileRegistry(profiles: [profile]).detect(header: csv.header, file: csv.fileName).kind
            }
        } else {
            (self.profile, self.kind) = try registry.detect(header: csv.header, file: csv.fileName, kind: kind)
        }
        mapper = try RowMapper(profile: self.profile, kind: self.kind, header: csv.header, file: csv.fileName)
    }

    /// The next mapped row.
    /// - Returns: The row, or `nil` at the end of the file.
    /// - Throws: `ShopDataError` for malformed rows and empty keys.
    public func next() throws(ShopDataError) -> MappedRow? {
        guard let row = try csv.next() else { return nil }
        return try mapper.map(row)
    }

    /// Groups the remaining rows into orders, lazily.
    /// - Parameter check: How split orders are caught; `.exact` unless the file may be large.
    /// - Returns: A grouper that reads from this reader.
    public func orders(check: SplitOrderCheck = .exact) -> OrderGrouper {
        OrderGrouper(keyField: mapper.layout.key, check: check) { () throws(ShopDataError) -> MappedRow? in
            try self.next()
        }
    }
}
