/// One month of `stats`.
public struct MonthStats: Equatable, Sendable, Encodable {
    /// `YYYY-MM`.
    public var month: String
    /// Orders whose current `completed_at` falls in this month (read from the value's own text).
    public var ordersCompleted = 0
    /// Orders first archived from a bundle made this month.
    public var ordersNew = 0
    /// New versions of orders already archived, from bundles made this month.
    public var ordersChanged = 0
    /// Members first archived from a bundle made this month.
    public var membersNew = 0
    /// New versions of members already archived, from bundles made this month.
    public var membersChanged = 0

    /// An empty month.
    public init(month: String) { self.month = month }

    enum CodingKeys: String, CodingKey {
        case month
        case ordersCompleted = "orders_completed"
        case ordersNew = "orders_new"
        case ordersChanged = "orders_changed"
        case membersNew = "members_new"
        case membersChanged = "members_changed"
    }
}
