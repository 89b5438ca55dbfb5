extension MaskingPolicy {
    /// The built-in policy: the online copy keeps account and email, ids, amounts, statuses, dates and the
    /// shop's own attributes, and masks every name, phone, address and postal code of members, purchasers and
    /// recipients, plus the invoice number.
    ///
    /// Names: `partial` (first character + `***`); phones: `phone` (first 4 and last 3 digits); addresses:
    /// `address` (region + `***`); postal codes: `postal` (first 3 digits + `****`); `invoice_no`: `partial`
    /// keeping 2 characters. `purchaser_email` is kept: it is the account email. See `Spec/masking.md`.
    public static let defaultPolicy: MaskingPolicy = {
        let name = MaskRule.partial(PartialMask(keepFirst: 1, keepLast: 0))
        let phone = MaskRule.phone(PhoneMask())
        let address = MaskRule.address(AddressMask())
        let postal = MaskRule.postal(PostalMask())
        return MaskingPolicy(
            members: [
                "name": name, "name_kana": name, "phone": phone, "mobile": phone, "postal_code": postal,
                "address": address,
            ],
            orders: [
                "purchaser_name": name, "purchaser_phone": phone, "purchaser_address": address,
                "recipient_name": name, "recipient_phone": phone, "recipient_postal_code": postal,
                "recipient_address": address, "invoice_no": .partial(PartialMask(keepFirst: 2, keepLast: 0)),
            ])
    }()
}
