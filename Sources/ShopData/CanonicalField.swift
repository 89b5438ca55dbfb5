/// Airlock's names for the fields of member and order records; profiles map a platform's headers to these.
public enum CanonicalField: String, Sendable, Equatable, Hashable, CaseIterable, Codable {
    // Members (and `member_id`, `status` for orders too).
    /// The member's ID on the platform: the key of member records.
    case memberID = "member_id"
    /// The login name.
    case account
    /// The e-mail address.
    case email
    /// The full name (often joined from family and given name).
    case name
    /// The reading of the name in katakana (Japan).
    case nameKana = "name_kana"
    /// The gender, as the platform writes it.
    case gender
    /// The date of birth.
    case birthday
    /// A landline or address phone number.
    case phone
    /// A mobile phone number.
    case mobile
    /// The postal code.
    case postalCode = "postal_code"
    /// The full address (often joined from several columns).
    case address
    /// The membership level.
    case level
    /// The loyalty points.
    case points
    /// When the member registered.
    case registeredAt = "registered_at"
    /// When the member record last changed.
    case updatedAt = "updated_at"
    /// The member's or order's status, as the platform writes it.
    case status
    // Orders: one CSV row per line item.
    /// The order number: the key of order records.
    case orderNo = "order_no"
    /// When the order was placed.
    case orderedAt = "ordered_at"
    /// When the order was completed (or otherwise ended).
    case completedAt = "completed_at"
    /// The purchaser's name.
    case purchaserName = "purchaser_name"
    /// The purchaser's e-mail address.
    case purchaserEmail = "purchaser_email"
    /// The purchaser's phone number.
    case purchaserPhone = "purchaser_phone"
    /// The purchaser's (billing) address.
    case purchaserAddress = "purchaser_address"
    /// The recipient's name.
    case recipientName = "recipient_name"
    /// The recipient's phone number.
    case recipientPhone = "recipient_phone"
    /// The recipient's postal code.
    case recipientPostalCode = "recipient_postal_code"
    /// The recipient's (shipping) address.
    case recipientAddress = "recipient_address"
    /// How the order was paid.
    case paymentMethod = "payment_method"
    /// How the order is delivered.
    case deliveryMethod = "delivery_method"
    /// When the order was shipped.
    case shippedAt = "shipped_at"
    /// The sum of the line items.
    case subtotal
    /// The shipping fee.
    case shippingFee = "shipping_fee"
    /// The discount.
    case discount
    /// The order total.
    case total
    /// The invoice number (Taiwan's 統一發票 number).
    case invoiceNo = "invoice_no"
    /// A line item's SKU (product code).
    case itemSKU = "item_sku"
    /// A line item's product name.
    case itemName = "item_name"
    /// A line item's variant (size, colour).
    case itemOption = "item_option"
    /// A line item's unit price.
    case itemPrice = "item_price"
    /// A line item's quantity.
    case itemQty = "item_qty"
    /// The order's note.
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
