import AirlockFormat
import TestSupport
import Testing

/// The packer's counting pass declares the payload size from `encodedSize` without encoding; it must agree with
/// `encode` byte for byte, or every bundle would end as "the input changed".
@Suite struct RecordSizeTests {
    @Test func encodedSizeIsTheLengthOfTheEncoding() {
        var records = Fixtures.members(20) + Fixtures.orders(20)
        records.append(
            ShopRecord(
                kind: .order, source: 3, key: "注文-1",
                fields: [.init(name: "note", value: "複数行\n\"引用\""), .init(name: "total", value: "")],
                maskedAtSource: ["a", "b"], items: [[.init(name: "item_name", value: "宇治抹茶")], []],
                rows: [.init(row: .max, cells: ["", "😀", "x"]), .init(row: 2, cells: [])]))
        for record in records {
            #expect(RecordCodec.encodedSize(record) == RecordCodec.encode(record).count)
        }
    }
}
