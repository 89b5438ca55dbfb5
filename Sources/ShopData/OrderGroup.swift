/// One order: the consecutive line-item rows that share an order number.
public struct OrderGroup: Sendable {
    /// The order number (the key field's value).
    public let key: String
    /// The line-item rows, in file order; never empty.
    public let rows: [MappedRow]

    /// The order's first row, which holds its order-level fields (on Shopify, only the first row does).
    public var firstRow: MappedRow { rows[0] }

    /// An order-level field's value, taken from the first row.
    /// - Parameter field: An order-level canonical field (`status`, `total`, …).
    public subscript(field: CanonicalField) -> String? { firstRow[field] }
}

/// How an ``OrderGrouper`` catches an order whose rows are not consecutive (`ShopDataError.orderRowsSplit`).
public enum SplitOrderCheck: Sendable {
    /// Remembers every order number; memory grows with the number of orders.
    case exact
    /// Remembers order numbers in a fixed-size filter (4 MiB) and collects in ``OrderGrouper/suspects`` the
    /// numbers it may have seen before; the caller confirms them with a second grouper `.watching` them.
    case bounded
    /// Remembers only these order numbers (the confirming re-read of a `.bounded` check).
    case watching(Set<String>)
    /// Checks nothing: for a re-read of a file already checked (and fingerprinted).
    case none
}

/// Groups a stream of order rows into orders, lazily: holds one order's rows in memory at a time, plus what the
/// ``SplitOrderCheck`` keeps.
///
/// Rows of one order must be consecutive (platforms export them that way); a row that continues an order whose
/// rows ended earlier is `ShopDataError.orderRowsSplit`.
public struct OrderGrouper {
    private let nextRow: () throws(ShopDataError) -> MappedRow?
    private let keyField: CanonicalField
    private let check: SplitOrderCheck
    private var pending: MappedRow?
    /// `.exact`: every ended order; `.watching`: the watched ones.
    private var finishedAt: [String: Int] = [:]
    private var filter: OrderNumberFilter?
    /// With `.bounded`: the order numbers that started an order the filter may have seen end before. A real
    /// split is always among them; most of them, if any, are the filter's false alarms.
    public private(set) var suspects: Set<String> = []

    /// Creates a grouper over a row source.
    /// - Parameters:
    ///   - keyField: The field that groups rows (`order_no`).
    ///   - check: How split orders are caught.
    ///   - nextRow: Returns the next mapped row, or `nil` at the end.
    public init(
        keyField: CanonicalField = .orderNo, check: SplitOrderCheck = .exact,
        nextRow: @escaping () throws(ShopDataError) -> MappedRow?
    ) {
        self.keyField = keyField
        self.check = check
        self.nextRow = nextRow
        if case .bounded = check { filter = OrderNumberFilter() }
    }

    /// The next order.
    /// - Returns: The order, or `nil` at the end.
    /// - Throws: `ShopDataError` from the row source, or `.orderRowsSplit`.
    public mutating func next() throws(ShopDataError) -> OrderGroup? {
        let next: MappedRow?
        if let pending {
            next = pending
            self.pending = nil
        } else {
            next = try nextRow()
        }
        guard let first = next else { return nil }
        let key = first[keyField] ?? ""
        if let earlier = finishedAt[key] {
            throw .orderRowsSplit(location(first), earlierRow: earlier)
        }
        if filter?.mayContain(key) == true { suspects.insert(key) }
        var rows = [first]
        while let row = try nextRow() {
            if row[keyField] == key {
                rows.append(row)
            } else {
                pending = row
                break
            }
        }
        switch check {
        case .exact: finishedAt[key] = rows[rows.count - 1].row.record
        case .bounded: filter?.insert(key)
        case let .watching(keys): if keys.contains(key) { finishedAt[key] = rows[rows.count - 1].row.record }
        case .none: break
        }
        return OrderGroup(key: key, rows: rows)
    }

    private func location(_ row: MappedRow) -> CSVLocation {
        CSVLocation(file: row.file, row: row.row.record, line: row.row.line)
    }
}
