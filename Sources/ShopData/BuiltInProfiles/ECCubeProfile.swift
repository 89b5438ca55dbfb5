extension BuiltInProfiles {
    /// EC-CUBE 4's 会員CSV and 受注CSV (default dtb_csv columns, CP932).
    /// The same text as `Examples/profiles/ec-cube.json`; `Spec/profiles.md` §9 explains each mapping.
    static let ecCube = #"""
        {
          "name": "ec-cube",
          "description": "EC-CUBE 4 会員CSV and 受注CSV with the default dtb_csv columns, in CP932.",
          "default_encoding": "cp932",
          "time_zone": "Asia/Tokyo",
          "timestamp_formats": [
            "yyyy-MM-dd HH:mm:ss",
            "yyyy-MM-dd HH:mm",
            "yyyy-MM-dd",
            "yyyy/M/d H:mm:ss",
            "yyyy/M/d H:mm",
            "yyyy/M/d"
          ],
          "members": {
            "detect": [
              "会員ID",
              "お名前(姓)",
              "会員ステータス(名称)"
            ],
            "key": "member_id",
            "columns": {
              "会員ID": "member_id",
              "お名前(姓)": "name",
              "お名前(名)": "name",
              "お名前(セイ)": "name_kana",
              "お名前(メイ)": "name_kana",
              "郵便番号": "postal_code",
              "都道府県(名称)": "address",
              "住所1": "address",
              "住所2": "address",
              "メールアドレス": "email",
              "TEL": "phone",
              "性別(名称)": "gender",
              "誕生日": "birthday",
              "会員ステータス(名称)": "status",
              "ポイント": "points",
              "登録日": "registered_at",
              "更新日": "updated_at"
            },
            "join": {
              "name": {
                "columns": [
                  "お名前(姓)",
                  "お名前(名)"
                ],
                "separator": " "
              },
              "name_kana": {
                "columns": [
                  "お名前(セイ)",
                  "お名前(メイ)"
                ],
                "separator": " "
              },
              "address": {
                "columns": [
                  "都道府県(名称)",
                  "住所1",
                  "住所2"
                ],
                "separator": ""
              }
            },
            "credential_columns": [
              "password",
              "salt",
              "secret_key"
            ],
            "accepts": {
              "name_kana": {
                "charset": "katakana",
                "max_length": 255
              },
              "phone": {
                "charset": "digits",
                "max_length": 14
              },
              "postal_code": {
                "charset": "digits",
                "max_length": 7
              },
              "email": {
                "charset": "ascii",
                "max_length": 255
              }
            }
          },
          "orders": {
            "detect": [
              "注文番号",
              "対応状況(名称)",
              "商品名"
            ],
            "key": "order_no",
            "columns": {
              "注文番号": "order_no",
              "会員ID": "member_id",
              "お名前(姓)": "purchaser_name",
              "お名前(名)": "purchaser_name",
              "メールアドレス": "purchaser_email",
              "TEL": "purchaser_phone",
              "都道府県(名称)": "purchaser_address",
              "住所1": "purchaser_address",
              "住所2": "purchaser_address",
              "ショップ用メモ欄": "note",
              "小計": "subtotal",
              "値引き": "discount",
              "送料": "shipping_fee",
              "合計": "total",
              "対応状況(名称)": "status",
              "支払方法(名称)": "payment_method",
              "受注日": "ordered_at",
              "商品名": "item_name",
              "商品コード": "item_sku",
              "規格分類名1": "item_option",
              "規格分類名2": "item_option",
              "価格": "item_price",
              "個数": "item_qty",
              "配送先_お名前(姓)": "recipient_name",
              "配送先_お名前(名)": "recipient_name",
              "配送先_郵便番号": "recipient_postal_code",
              "配送先_都道府県(名称)": "recipient_address",
              "配送先_住所1": "recipient_address",
              "配送先_住所2": "recipient_address",
              "配送先_TEL": "recipient_phone",
              "配送業者(名称)": "delivery_method",
              "発送日": [
                "shipped_at",
                "completed_at"
              ]
            },
            "join": {
              "purchaser_name": {
                "columns": [
                  "お名前(姓)",
                  "お名前(名)"
                ],
                "separator": " "
              },
              "purchaser_address": {
                "columns": [
                  "都道府県(名称)",
                  "住所1",
                  "住所2"
                ],
                "separator": ""
              },
              "item_option": {
                "columns": [
                  "規格分類名1",
                  "規格分類名2"
                ],
                "separator": " / "
              },
              "recipient_name": {
                "columns": [
                  "配送先_お名前(姓)",
                  "配送先_お名前(名)"
                ],
                "separator": " "
              },
              "recipient_address": {
                "columns": [
                  "配送先_都道府県(名称)",
                  "配送先_住所1",
                  "配送先_住所2"
                ],
                "separator": ""
              }
            },
            "duplicate_columns": [
              "送料"
            ],
            "accepts": {
              "purchaser_phone": {
                "charset": "digits",
                "max_length": 14
              },
              "recipient_phone": {
                "charset": "digits",
                "max_length": 14
              },
              "recipient_postal_code": {
                "charset": "digits",
                "max_length": 7
              }
            },
            "final_statuses": {
              "completed": [
                "発送済み"
              ],
              "cancelled": [
                "注文取消し",
                "返品"
              ]
            },
            "order_level_fields_on_first_row_only": false
          }
        }
        """#
}
