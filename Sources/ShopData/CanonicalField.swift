/// Airlock's names for the fields of member and order records; profiles map a platform's headers to these.
public enum CanonicalField: String, Sendable, Equatable, Hashable, CaseIterable, Codable {
    // Members (and `member_id`, `status` for orders too).
    case memberID = "member_id"
    case account
    case email
    case name
    case nameKana = "name_kana"
    case gender
    case birthday
    case phone
    case mobile
    case postalCode = "postal_code"
    case address
    case level
    case points
    case registeredAt = "registered_at"
    case updatedAt = "updated_at"
    case status
    // Orders: one CSV row per line item.
    case orderNo = "order_no"
    case orderedAt = "ordered_at"
    case completedAt = "completed_at"
    case purchaserName = "purchaser_name"
    case purchaserEmail = "purchaser_email"
    case purchaserPhone = "purchaser_phone"
    case purchaserAddress = "purchaser_address"
    case recipientName = "recipient_name"
    case recipientPhone = "recipient_phone"
    case recipientPostalCode = "recipient_postal_code"
    case recipientAddress = "recipient_address"
    case paymentMethod = "payment_method"
    case deliveryMethod = "delivery_method"
    case shippedAt = "shipped_at"
    case subtotal
    case shippingFee = "shipping_fee"
    case discount
    case total
    case invoiceNo = "invoice_no"
    case itemSKU = "item_sku"
    case itemName = "item_name"
    case itemOption = "item_option"
    case itemPrice = "item_price"
    case itemQty = "item_qty"
    case note

    /// What a field's values are, for the checks that catch spreadsheet damage.
    public enum ValueClass: Sendable, Equatable {
        /// An identifier made of digits in practice (member ID, order number, invoice number).
        case identifier
        /// A phone number.
        case phone
        /// A postal code.
        case postalCode
        /// Anything else.
        case other
    }

    /// The field's value class.
    public var valueClass: ValueClass {
        switch self {
        case .memberID, .orderNo, .invoiceNo: .identifier
        case .phone, .mobile, .purchaserPhone, .recipientPhone: .phone
        case .postalCode, .recipientPostalCode: .postalCode
        default: .other
        }
    }

    /// Whether the field describes one line item (the rest of an order row describes the whole order).
    public var isLineItemField: Bool {
        switch self {
        case .itemSKU, .itemName, .itemOption, .itemPrice, .itemQty: true
        default: false
        }
    }
}

/// The two kinds of records a shop exports.
public enum RecordKind: String, Sendable, Equatable, Hashable, CaseIterable, Codable {
    /// Members (customers).
    case members
    /// Orders, one row per line item.
    case orders

    /// The canonical fields of this kind, in canonical (Airlock layout) order.
    public var fields: [CanonicalField] {
        switch self {
        case .members:
            [
                .memberID, .account, .email, .name, .nameKana, .gender, .birthday, .phone, .mobile, .postalCode,
                .address, .level, .points, .registeredAt, .updatedAt, .status,
            ]
        case .orders:
            [
                .orderNo, .orderedAt, .status, .completedAt, .memberID, .purchaserName, .purchaserEmail,
                .purchaserPhone, .purchaserAddress, .recipientName, .recipientPhone, .recipientPostalCode,
                .recipientAddress, .paymentMethod, .deliveryMethod, .shippedAt, .subtotal, .shippingFee, .discount,
                .total, .invoiceNo, .itemSKU, .itemName, .itemOption, .itemPrice, .itemQty, .note,
            ]
        }
    }

    /// The field that identifies a record: `member_id` or `order_no`.
    public var defaultKey: CanonicalField { self == .members ? .memberID : .orderNo }
}
