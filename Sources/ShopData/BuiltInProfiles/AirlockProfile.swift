extension BuiltInProfiles {
    /// Airlock's canonical layout (header names are canonical field names).
    /// The same text as `Examples/profiles/airlock.json`; `Spec/profiles.md` §9 explains each mapping.
    static let airlock = #"""
        {
          "name": "airlock",
          "description": "Airlock's canonical layout: every header name is a canonical field name.",
          "default_encoding": "utf-8",
          "members": {
            "detect": [
              "member_id",
              "email",
              "registered_at"
            ],
            "key": "member_id",
            "columns": {
              "member_id": "member_id",
              "account": "account",
              "email": "email",
              "name": "name",
              "name_kana": "name_kana",
              "gender": "gender",
              "birthday": "birthday",
              "phone": "phone",
              "mobile": "mobile",
              "postal_code": "postal_code",
              "address": "address",
              "level": "level",
              "points": "points",
              "registered_at": "registered_at",
              "updated_at": "updated_at",
              "status": "status"
            },
            "accepts": {
              "email": {
                "charset": "ascii",
                "max_length": 254
              }
            }
          },
          "orders": {
            "detect": [
              "order_no",
              "ordered_at",
              "item_name"
            ],
            "key": "order_no",
            "columns": {
              "order_no": "order_no",
              "ordered_at": "ordered_at",
              "status": "status",
              "completed_at": "completed_at",
              "member_id": "member_id",
              "purchaser_name": "purchaser_name",
              "purchaser_email": "purchaser_email",
              "purchaser_phone": "purchaser_phone",
              "purchaser_address": "purchaser_address",
              "recipient_name": "recipient_name",
              "recipient_phone": "recipient_phone",
              "recipient_postal_code": "recipient_postal_code",
              "recipient_address": "recipient_address",
              "payment_method": "payment_method",
              "delivery_method": "delivery_method",
              "shipped_at": "shipped_at",
              "subtotal": "subtotal",
              "shipping_fee": "shipping_fee",
              "discount": "discount",
              "total": "total",
              "invoice_no": "invoice_no",
              "item_sku": "item_sku",
              "item_name": "item_name",
              "item_option": "item_option",
              "item_price": "item_price",
              "item_qty": "item_qty",
              "note": "note"
            },
            "final_statuses": {
              "completed": [
                "completed"
              ],
              "cancelled": [
                "cancelled",
                "returned"
              ]
            },
            "order_level_fields_on_first_row_only": false
          }
        }
        """#
}
