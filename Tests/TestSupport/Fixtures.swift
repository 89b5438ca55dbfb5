public import AirlockFormat
public import SodiumKit
import Foundation

/// Deterministic keys and small record sets for tests and vectors. These keys are public: never use them.
public enum Fixtures {
    /// A key made from a label: `BLAKE2b-256("airlock test key" ‖ label)` as the secret.
    public static func secretBytes(_ label: String) -> SecureBytes {
        SecureBytes(copying: BLAKE2b.hash(Array("airlock test key\0\(label)".utf8), outputLength: 32))
    }

    /// The test offline identity named `label`.
    public static func offline(_ label: String = "offline") -> OfflineIdentity {
        OfflineIdentity(
            recipient: try! RecipientSecretKey(secretBytes: secretBytes(label + "/x25519")),
            receiptSigner: try! SigningSecretKey(seed: secretBytes(label + "/ed25519")))
    }

    /// The test packer identity named `label`.
    public static func packer(_ label: String = "packer") -> PackerIdentity {
        PackerIdentity(signer: try! SigningSecretKey(seed: secretBytes(label + "/ed25519")))
    }

    /// A fixed chain id.
    public static let chainID: [UInt8] = Array(0x10...0x1F)

    /// A manifest for `members` and `orders` from the canonical example layout.
    public static func manifest(members: [ShopRecord], orders: [ShopRecord]) -> Manifest {
        Manifest(
            createdAt: "2026-11-25T00:00:00Z", packer: "airlock-test", timeZone: "Asia/Taipei",
            membersRegisteredBefore: "2026-11-25T00:00:00Z", ordersCompletedBefore: "2026-11-15T00:00:00Z",
            counts: .init(members: UInt64(members.count), orders: UInt64(orders.count)),
            sources: [
                .init(kind: .member, file: "members.csv", profile: "airlock", encoding: "utf-8", lineEnding: "lf",
                    blake2b: String(repeating: "0", count: 64), bytes: 0, rows: UInt64(members.count),
                    sealedRows: UInt64(members.count), columns: ["member_id", "email", "name", "phone", "address"],
                    fields: ["member_id", "email", "name", "phone", "address"], credentialColumns: []),
                .init(kind: .order, file: "orders.csv", profile: "airlock", encoding: "utf-8", lineEnding: "lf",
                    blake2b: String(repeating: "0", count: 64), bytes: 0, rows: UInt64(orders.count),
                    sealedRows: UInt64(orders.count), columns: ["order_no", "member_id", "item_sku", "item_qty", "memo"],
                    fields: ["order_no", "member_id", "item_sku", "item_qty", nil], credentialColumns: []),
            ])
    }

    /// `count` synthetic members with Taiwanese and Japanese names.
    public static func members(_ count: Int, start: Int = 1) -> [ShopRecord] {
        let names = ["王小明", "小村 亮子", "𠮷田 花子", "陳美玲", "佐藤 か゚ん"]
        let addresses = ["台北市大安區忠孝東路四段100號5樓", "東京都新宿区西新宿2-8-1\n都庁第一本庁舎", "大阪府大阪市北区梅田1-1, 3F"]
        return (start..<start + count).map { index in
            let id = String(format: "M%05d", index)
            let cells = [id, "user\(index)@example.jp", names[index % names.count], "0912-345-\(String(format: "%03d", index % 1000))",
                addresses[index % addresses.count]]
            let fields = zip(["member_id", "email", "name", "phone", "address"], cells).map { ShopRecord.Field(name: $0, value: $1) }
            return ShopRecord(kind: .member, source: 0, key: id, fields: fields, rows: [.init(row: UInt64(index + 1), cells: cells)])
        }
    }

    /// `count` synthetic orders with two line items each.
    public static func orders(_ count: Int, start: Int = 1) -> [ShopRecord] {
        (start..<start + count).map { index in
            let number = String(format: "O%06d", index)
            let member = String(format: "M%05d", index)
            let rows = (1...2).map { item in
                ShopRecord.SourceRow(row: UInt64(index * 2 + item), cells: [number, member, "SKU-\(item)", "\(item)", "ギフト包装, のし"])
            }
            let items = rows.map { row in
                [ShopRecord.Field(name: "item_qty", value: row.cells[3]), ShopRecord.Field(name: "item_sku", value: row.cells[2])]
            }
            return ShopRecord(kind: .order, source: 1, key: number,
                fields: [.init(name: "member_id", value: member), .init(name: "order_no", value: number)], items: items, rows: rows)
        }
    }

    /// The payload frames of a manifest and records.
    public static func frames(manifest: Manifest, records: [ShopRecord]) -> [PayloadFrame] {
        [PayloadFrame(kind: .manifest, body: manifest.encoded())]
            + records.map { PayloadFrame(kind: $0.kind.frameKind, body: RecordCodec.encode($0)) }
    }
}
