internal import Foundation

/// How one kind of export (members or orders) of a platform is laid out.
public struct ProfileLayout: Sendable, Equatable {
    /// Several header columns that together make one canonical field (`お名前(姓)` + `お名前(名)` → `name`).
    public struct Join: Sendable, Equatable, Hashable {
        /// The header keys, in the order their values are joined.
        public var columns: [String]
        /// What goes between non-empty parts (`" "`, `""`, `", "`).
        public var separator: String

        /// Creates a join.
        /// - Parameters:
        ///   - columns: The header keys in join order.
        ///   - separator: The separator.
        public init(columns: [String], separator: String) {
            self.columns = columns
            self.separator = separator
        }
    }

    /// The status values, as the platform writes them, that end an order's life.
    public struct FinalStatuses: Sendable, Equatable, Hashable {
        /// Values that mean the order is completed (`completed`, `発送済み`, `已完成`).
        public var completed: Set<String>
        /// Values that mean the order is cancelled or returned (`cancelled`, `注文取消し`, `已取消`).
        public var cancelled: Set<String>

        /// Creates the lists.
        /// - Parameters:
        ///   - completed: Completed values.
        ///   - cancelled: Cancelled values.
        public init(completed: Set<String> = [], cancelled: Set<String> = []) {
            self.completed = completed
            self.cancelled = cancelled
        }
    }

    /// The header names all present in this layout's exports; used to recognise it.
    public var detect: [String]
    /// The canonical field that identifies a record (`member_id`, `order_no`).
    public var key: CanonicalField
    /// Header key → the canonical fields it feeds (usually one; `発送日` → `shipped_at`, `completed_at`).
    public var columns: [String: [CanonicalField]]
    /// Fields made of several columns, with their order and separator. Every field fed by more than one column
    /// has a join.
    public var joins: [CanonicalField: Join]
    /// Columns holding credentials (password hashes, salts): never sealed, re-exported unchanged.
    public var credentialColumns: [String]
    /// Header names that may appear more than once; the n-th occurrence is keyed `name#n` (see `CSVHeader`).
    public var duplicateColumns: Set<String>
    /// What the platform's importer accepts, per canonical field.
    public var accepts: [CanonicalField: AcceptRule]
    /// For orders: which status values are final.
    public var finalStatuses: FinalStatuses
    /// For orders: whether order-level fields are filled only on an order's first line-item row (Shopify).
    public var orderLevelFieldsOnFirstRowOnly: Bool

    /// Creates a layout.
    /// - Parameters:
    ///   - detect: The headers that identify the layout.
    ///   - key: The key field.
    ///   - columns: Header key → canonical fields.
    ///   - joins: Multi-column fields.
    ///   - credentialColumns: Credential columns.
    ///   - duplicateColumns: Header names allowed to repeat.
    ///   - accepts: Importer rules.
    ///   - finalStatuses: Final order statuses.
    ///   - orderLevelFieldsOnFirstRowOnly: Whether order fields are on the first row only.
    public init(
        detect: [String], key: CanonicalField, columns: [String: [CanonicalField]],
        joins: [CanonicalField: Join] = [:], credentialColumns: [String] = [], duplicateColumns: Set<String> = [],
        accepts: [CanonicalField: AcceptRule] = [:], finalStatuses: FinalStatuses = FinalStatuses(),
        orderLevelFieldsOnFirstRowOnly: Bool = false
    ) {
        self.detect = detect
        self.key = key
        self.columns = columns
        self.joins = joins
        self.credentialColumns = credentialColumns
        self.duplicateColumns = duplicateColumns
        self.accepts = accepts
        self.finalStatuses = finalStatuses
        self.orderLevelFieldsOnFirstRowOnly = orderLevelFieldsOnFirstRowOnly
    }

    /// Whether a status value means completed or cancelled.
    /// - Parameter status: The status as the platform writes it (compared exactly, after trimming spaces).
    /// - Returns: The final state, or `nil` when the order is still open.
    public func finalState(of status: String) -> FinalState? {
        let trimmed = status.trimmingCharacters(in: .whitespaces)
        if finalStatuses.completed.contains(trimmed) { return .completed }
        if finalStatuses.cancelled.contains(trimmed) { return .cancelled }
        return nil
    }
}

/// How an order ended.
public enum FinalState: String, Sendable, Equatable, Hashable {
    /// Delivered, paid, done.
    case completed
    /// Cancelled or returned.
    case cancelled
}
