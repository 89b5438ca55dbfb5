import AirlockFormat

/// What a list of field names decides for preparing a record — the two sorted orders the stored JSON and the
/// content hash need, and the lookup indexes each field feeds — remembered for the last few lists seen.
///
/// Every record of one source file has the same field names in the same order (and so do its line items).
/// Sorting them twice per record and matching every name against every lookup index was over a third of an
/// import's record preparation. All of it depends only on the names, so a remembered answer is the one the
/// computation would give. Used by one thread at a time.
final class FieldPlans {
    /// Indices of the fields sorted as ``VersionJSON/object(_:order:)`` writes them and as the content hash takes
    /// them, and for each field the indexes that take its value (``LookupField/routes(forField:)``).
    struct Plan {
        var jsonOrder: [Int]
        var hashOrder: [Int]
        var lookupRoutes: [[LookupField]]
    }

    private var remembered: [(names: [String], plan: Plan)] = []
    private static let capacity = 4

    init() {}

    func plan(for fields: [ShopRecord.Field]) -> Plan {
        if let hit = remembered.firstIndex(where: { Self.sameNames($0.names, fields) }) {
            return remembered[hit].plan
        }
        let plan = Plan(
            jsonOrder: Self.jsonOrder(fields), hashOrder: Self.hashOrder(fields),
            lookupRoutes: fields.map { LookupField.routes(forField: $0.name) })
        if remembered.count == Self.capacity { remembered.removeFirst() }
        remembered.append((fields.map(\.name), plan))
        return plan
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
