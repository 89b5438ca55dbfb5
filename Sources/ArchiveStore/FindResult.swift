/// What `find` returns: matching members, each with its orders, and matching orders not already listed under a
/// member. Each record comes as its current view, with its history when asked.
public struct FindResult: Equatable, Sendable, Encodable {
    /// A record's current view, and every revision when history was asked for.
    public struct Found: Equatable, Sendable, Encodable {
        public var current: CurrentRecord
        public var history: [ArchivedVersion]?
    }

    /// A member and the orders that name its `member_id`.
    public struct Member: Equatable, Sendable, Encodable {
        public var member: Found
        public var orders: [Found]
    }

    public var members: [Member]
    public var orders: [Found]
    /// True when more records matched than the limit allowed.
    public var truncated: Bool
}
