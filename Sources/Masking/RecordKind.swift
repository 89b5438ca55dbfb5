/// The two kinds of records a shop exports; a policy has one rule table per kind.
public enum RecordKind: String, Sendable, Hashable, CaseIterable {
    /// Member (customer account) records.
    case members
    /// Order records, one row per line item.
    case orders

    /// The canonical field names of this kind, in export order (a policy may also name platform columns).
    public var canonicalFields: [String] {
        switch self {
        case .members:
            [
                "member_id", "account", "email", "name", "name_kana", "gender", "birthday", "phone", "mobile",
                "postal_code", "address", "level", "points", "registered_at", "updated_at", "status",
            ]
        case .orders:
            [
                "order_no", "ordered_at", "status", "completed_at", "member_id", "purchaser_name", "purchaser_email",
                "purchaser_phone", "purchaser_address", "recipient_name", "recipient_phone", "recipient_postal_code",
                "recipient_address", "payment_method", "delivery_method", "shipped_at", "subtotal", "shipping_fee",
                "discount", "total", "invoice_no", "item_sku", "item_name", "item_option", "item_price", "item_qty",
                "note",
            ]
        }
    }
}
