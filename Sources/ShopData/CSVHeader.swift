/// The header row of a CSV file: column names, and unique keys for repeated names.
public struct CSVHeader: Sendable, Equatable {
    /// The names as written, trimmed of surrounding white space.
    public let names: [String]
    /// Unique names: the first occurrence of a repeated name keeps it, the n-th becomes `name#n`
    /// (EC-CUBE's order CSV: `送料`, …, `送料#2`). Profiles map keys, so they can map either occurrence.
    public let keys: [String]
    private let indexByKey: [String: Int]

    /// Builds a header from names.
    /// - Parameter names: The trimmed names, in file order.
    public init(names: [String]) {
        self.names = names
        var keys: [String] = []
        var seen: [String: Int] = [:]
        var index: [String: Int] = [:]
        keys.reserveCapacity(names.count)
        for name in names {
            let count = (seen[name] ?? 0) + 1
            seen[name] = count
            var key = count == 1 ? name : "\(name)#\(count)"
            while index[key] != nil { key += "#" }  // a literal `送料#2` header next to two `送料`s
            index[key] = keys.count
            keys.append(key)
        }
        self.keys = keys
        self.indexByKey = index
    }

    /// The number of columns.
    public var count: Int { names.count }

    /// The 0-based index of the column with this key (a name, or `name#n` for a repeat).
    /// - Parameter key: The column key.
    /// - Returns: The index, or `nil` when there is no such column.
    public func index(of key: String) -> Int? { indexByKey[key] }
}
