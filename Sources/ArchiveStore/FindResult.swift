/// What `find` returns: matching members, each with its orders, and matching orders not already listed under a
/// member. Each record comes as its current view, with its history when asked.
public struct FindResult: Equatable, Sendable, Encodable {
    /// A record's current view, and every revision when history was asked for.
    public struct Found: Equatable, Sendable, Encodable {
        /// The current view.
        public var current: CurrentRecord
        /// Every revision, oldest first, when asked for.
        public var history: [ArchivedVersion]?
    }

    /// A member and the orders that name its `member_id`.
    public struct Member: Equatable, Sendable, Encodable {
        /// The member.
        public var member: Found
        /// The orders that name the member's `member_id`, in key order.
        public var orders: [Found]
    }

    /// Matching members, in key order.
    public var members: [Member]
    /// Matching orders not already listed under a member, in key order.
    public var orders: [Found]
    /// True when more records matched than the limit allowed.
    public var truncated: Bool
}
