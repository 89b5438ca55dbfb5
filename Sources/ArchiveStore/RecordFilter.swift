public import AirlockFormat

/// Which current records a list shows: the back-office console's filters over members or orders.
///
/// Every condition is optional; they combine with AND. The filter is only ever turned into bound SQL arguments,
/// never into SQL text.
public struct RecordFilter: Sendable, Equatable {
    /// Members or orders.
    public var kind: ShopRecord.Kind
    /// Matches the record's key, or any part of an account, e-mail address, name or phone number that any of the
    /// record's versions held, normalised as ``LookupField/key(for:)`` does (`find`'s indexes). Empty: no condition.
    public var keyword: String
    /// The first day wanted, `YYYY-MM-DD`, inclusive (see ``dateField``).
    public var from: String?
    /// The last day wanted, `YYYY-MM-DD`, inclusive.
    public var through: String?
    /// Fields of the current version that must hold exactly these values (`level`, `gender`, `status`).
    public var equals: [String: String]

    /// Creates a filter; without arguments it matches every record of `kind`.
    public init(
        kind: ShopRecord.Kind, keyword: String = "", from: String? = nil, through: String? = nil,
        equals: [String: String] = [:]
    ) {
        self.kind = kind
        self.keyword = keyword
        self.from = from
        self.through = through
        self.equals = equals
    }

    /// The field the date range applies to, and the list is sorted by (newest first): members' `registered_at`,
    /// orders' `ordered_at` (or `completed_at` when an order has no `ordered_at`). Only the value's first ten
    /// characters count, with `/` read as `-`: `2026/11/03 10:00` is `2026-11-03`.
    public var dateField: String { kind == .member ? "registered_at" : "ordered_at" }
}

/// One page of a filtered list.
public struct RecordPage: Sendable, Equatable {
    /// The records on this page, in list order, as their current views.
    public var records: [CurrentRecord]
    /// How many records match the filter in all.
    public var total: Int
}

/// What arrived in the archive during a period: records seen for the first time, and records already archived
/// that arrived with a new content.
public struct ArrivalCounts: Sendable, Equatable {
    public var membersNew = 0
    public var membersChanged = 0
    public var ordersNew = 0
    public var ordersChanged = 0

    public init() {}
}
