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

/// Groups a stream of order rows into orders, lazily: holds one order's rows in memory at a time (plus the set
/// of order numbers already seen, to catch split orders).
///
/// Rows of one order must be consecutive (platforms export them that way); a row that continues an order whose
/// rows ended earlier is `ShopDataError.orderRowsSplit`.
public struct OrderGrouper {
    private let nextRow: () throws(ShopDataError) -> MappedRow?
    private let keyField: CanonicalField
    private var pending: MappedRow?
    private var finishedAt: [String: Int] = [:]

    /// Creates a grouper over a row source.
    /// - Parameters:
    ///   - keyField: The field that groups rows (`order_no`).
    ///   - nextRow: Returns the next mapped row, or `nil` at the end.
    public init(keyField: CanonicalField = .orderNo, nextRow: @escaping () throws(ShopDataError) -> MappedRow?) {
        self.keyField = keyField
        self.nextRow = nextRow
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
        var rows = [first]
        while let row = try nextRow() {
            if row[keyField] == key {
                rows.append(row)
            } else {
                pending = row
                break
            }
        }
        finishedAt[key] = rows[rows.count - 1].row.record
        return OrderGroup(key: key, rows: rows)
    }

    private func location(_ row: MappedRow) -> CSVLocation {
        CSVLocation(file: row.file, row: row.row.record, line: row.row.line)
    }
}
