import AirlockFormat

/// The two sorted orders of a field list that the stored JSON and the content hash need, remembered for the last
/// few lists of names seen.
///
/// Every record of one source file has the same field names in the same order (and so do its line items), and
/// sorting them again for every record — twice, by two different comparisons — was a fifth of an import's
/// record preparation. An order depends only on the names, so a remembered one is the order the sort would give.
/// Used by one thread at a time.
final class FieldOrders {
    /// Indices of the fields sorted as ``VersionJSON/object(_:)`` writes them and as the content hash takes them.
    struct Orders {
        var json: [Int]
        var hash: [Int]
    }

    private var remembered: [(names: [String], orders: Orders)] = []
    private static let capacity = 4

    init() {}

    func orders(of fields: [ShopRecord.Field]) -> Orders {
        if let hit = remembered.firstIndex(where: { Self.sameNames($0.names, fields) }) {
            return remembered[hit].orders
        }
        let orders = Orders(json: Self.jsonOrder(fields), hash: Self.hashOrder(fields))
        if remembered.count == Self.capacity { remembered.removeFirst() }
        remembered.append((fields.map(\.name), orders))
        return orders
    }

    /// Ascending UTF-8 order of the names, equal names in their original order.
    static func jsonOrder(_ fields: [ShopRecord.Field]) -> [Int] {
        fields.indices.sorted { first, second in
            fields[first].name == fields[second].name
                ? first < second
                : fields[first].name.utf8.lexicographicallyPrecedes(fields[second].name.utf8)
        }
    }

    /// The order `fields.sorted { $0.name < $1.name }` gives (the content hash's, `Spec/archive.md`).
    static func hashOrder(_ fields: [ShopRecord.Field]) -> [Int] {
        fields.indices.sorted { fields[$0].name < fields[$1].name }
    }

    private static func sameNames(_ names: [String], _ fields: [ShopRecord.Field]) -> Bool {
        guard names.count == fields.count else { return false }
        for index in names.indices where names[index] != fields[index].name { return false }
        return true
    }
}
