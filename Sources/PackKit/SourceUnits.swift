import ShopData

/// Reads one export as the units that become records: one row per member, the rows of one order per order.
struct SourceUnits {
    let reader: ShopFileReader
    private var grouper: OrderGrouper?

    init(reader: ShopFileReader, splitCheck: SplitOrderCheck) {
        self.reader = reader
        grouper = reader.kind == .orders ? reader.orders(check: splitCheck) : nil
    }

    /// The next unit's rows, or nil at the end of the file.
    mutating func next() throws(ShopDataError) -> [MappedRow]? {
        if grouper != nil { return try grouper!.next()?.rows }
        return try reader.next().map { [$0] }
    }

    /// The order numbers a `.bounded` split check could not clear (see ``OrderGrouper/suspects``).
    var suspects: Set<String> { grouper?.suspects ?? [] }
}
