public import Foundation

/// A platform's export layout: how to read its member and order CSV files and map them to canonical fields.
///
/// Profiles are JSON files (see `Spec/profiles.md`); `airlock`, `shopify` and `ec-cube` are built in.
public struct Profile: Sendable, Equatable {
    /// The profile's name (`shopify`).
    public var name: String
    /// The encoding of the platform's files when they are not UTF-8 (used instead of guessing CP932 vs Big5).
    public var defaultEncoding: ShopEncoding?
    /// The zone of timestamps that carry none.
    public var timeZone: TimeZone
    /// The timestamp formats tried, in order.
    public var timestampFormats: [TimestampFormat]
    /// The member export layout, if the platform has one.
    public var members: ProfileLayout?
    /// The order export layout, if the platform has one.
    public var orders: ProfileLayout?

    /// Creates a profile.
    /// - Parameters:
    ///   - name: The name.
    ///   - defaultEncoding: The non-UTF-8 encoding of the platform's files.
    ///   - timeZone: The zone of zoneless timestamps.
    ///   - timestampFormats: The formats tried.
    ///   - members: The member layout.
    ///   - orders: The order layout.
    public init(
        name: String, defaultEncoding: ShopEncoding? = nil, timeZone: TimeZone = .current,
        timestampFormats: [TimestampFormat] = TimestampFormat.defaults, members: ProfileLayout? = nil,
        orders: ProfileLayout? = nil
    ) {
        self.name = name
        self.defaultEncoding = defaultEncoding
        self.timeZone = timeZone
        self.timestampFormats = timestampFormats
        self.members = members
        self.orders = orders
    }

    /// The layout for a kind of record.
    /// - Parameter kind: Members or orders.
    public func layout(for kind: RecordKind) -> ProfileLayout? {
        kind == .members ? members : orders
    }

    /// Parses a timestamp with this profile's formats and zone.
    /// - Parameter text: The cell value.
    /// - Returns: The date, or `nil` when it is not a timestamp in a known format.
    public func parseTimestamp(_ text: String) -> Date? {
        ShopTimestamp.parse(text, formats: timestampFormats, timeZone: timeZone)
    }

    /// Loads a profile from a JSON file.
    /// - Parameter url: The file.
    /// - Throws: `ShopDataError.invalidProfile` naming the offending key, or `.io`.
    public static func load(from url: URL) throws(ShopDataError) -> Profile {
        let name = url.lastPathComponent
        let file = try BlockFile(path: url.path, name: name, blockSize: 1 << 20)
        try file.refill()
        guard file.atEnd else { throw .invalidProfile(profile: name, key: "(file)", problem: "larger than 1 MiB") }
        let data = Data(UnsafeBufferPointer(start: file.block.baseAddress, count: file.count))
        return try ProfileJSON.decode(data, source: name)
    }

    /// Parses a profile from JSON text.
    /// - Parameters:
    ///   - data: The JSON.
    ///   - source: A name for error messages (the file name).
    /// - Throws: `ShopDataError.invalidProfile` naming the offending key.
    public static func decode(_ data: Data, source: String) throws(ShopDataError) -> Profile {
        try ProfileJSON.decode(data, source: source)
    }
}
