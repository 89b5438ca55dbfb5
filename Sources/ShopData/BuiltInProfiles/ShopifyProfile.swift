extension BuiltInProfiles {
    /// Shopify's customers_export.csv and orders_export.csv.
    /// The same text as `Examples/profiles/shopify.json`; `Spec/profiles.md` §9 explains each mapping.
    static let shopify = #"""
        {
          "name": "shopify",
          "description": "Shopify admin exports customers_export.csv and orders_export.csv (UTF-8 with BOM).",
          "default_encoding": "utf-8",
          "timestamp_formats": [
            "yyyy-MM-dd HH:mm:ss Z",
            "yyyy-MM-dd HH:mm:ss",
            "yyyy-MM-ddTHH:mm:ssZ",
            "yyyy-MM-dd"
          ],
          "members": {
            "detect": [
              "Customer ID",
              "First Name",
              "Last Name",
              "Accepts Email Marketing"
            ],
            "key": "member_id",
            "columns": {
              "Customer ID": "member_id",
              "First Name": "name",
              "Last Name": "name",
              "Email": "email",
              "Default Address Address1": "address",
              "Default Address Address2": "address",
              "Default Address City": "address",
              "Default Address Zip": "postal_code",
              "Default Address Phone": "phone",
              "Phone": "mobile"
            },
            "join": {
              "name": {
                "columns": [
                  "Last Name",
                  "First Name"
                ],
                "separator": " "
              },
              "address": {
                "columns": [
                  "Default Address Address1",
                  "Default Address Address2",
                  "Default Address City"
                ],
                "separator": ", "
              }
            },
            "accepts": {
              "email": {
                "charset": "ascii",
                "max_length": 254
              },
              "phone": {
                "charset": "ascii",
                "max_length": 32
              },
              "mobile": {
                "charset": "ascii",
                "max_length": 32
              },
              "postal_code": {
                "charset": "ascii",
                "max_length": 16
              }
            }
          },
          "orders": {
            "detect": [
              "Name",
              "Financial Status",
              "Fulfillment Status",
              "Lineitem name"
            ],
            "key": "order_no",
            "columns": {
              "Name": "order_no",
              "Email": "purchaser_email",
              "Financial Status": "status",
              "Fulfillment Status": "status",
              "Fulfilled at": [
                "completed_at",
                "shipped_at"
              ],
              "Created at": "ordered_at",
              "Subtotal": "subtotal",
              "Shipping": "shipping_fee",
              "Discount Amount": "discount",
              "Total": "total",
              "Shipping Method": "delivery_method",
              "Payment Method": "payment_method",
              "Lineitem quantity": "item_qty",
              "Lineitem name": "item_name",
              "Lineitem price": "item_price",
              "Lineitem sku": "item_sku",
              "Billing Name": "purchaser_name",
              "Billing Phone": "purchaser_phone",
              "Billing Address1": "purchaser_address",
              "Billing Address2": "purchaser_address",
              "Billing City": "purchaser_address",
              "Billing Province": "purchaser_address",
              "Billing Country": "purchaser_address",
              "Shipping Name": "recipient_name",
              "Shipping Phone": "recipient_phone",
              "Shipping Zip": "recipient_postal_code",
              "Shipping Address1": "recipient_address",
              "Shipping Address2": "recipient_address",
              "Shipping City": "recipient_address",
              "Shipping Province": "recipient_address",
              "Shipping Country": "recipient_address",
              "Notes": "note"
            },
            "join": {
              "status": {
                "columns": [
                  "Financial Status",
                  "Fulfillment Status"
                ],
                "separator": " "
              },
              "purchaser_address": {
                "columns": [
                  "Billing Address1",
                  "Billing Address2",
                  "Billing City",
                  "Billing Province",
                  "Billing Country"
                ],
                "separator": ", "
              },
              "recipient_address": {
                "columns": [
                  "Shipping Address1",
                  "Shipping Address2",
                  "Shipping City",
                  "Shipping Province",
                  "Shipping Country"
                ],
                "separator": ", "
              }
            },
            "final_statuses": {
              "completed": [
                "paid fulfilled",
                "partially_refunded fulfilled"
              ],
              "cancelled": [
                "voided unfulfilled",
                "refunded unfulfilled",
                "refunded fulfilled",
                "refunded restocked"
              ]
            },
            "order_level_fields_on_first_row_only": true
          }
        }
        """#
}
