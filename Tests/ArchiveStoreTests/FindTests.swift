import AirlockFormat
import ArchiveStore
import TestSupport
import Testing

@Suite struct FindTests {
    static func member(_ id: String, email: String, name: String, phone: String, account: String = "") -> ShopRecord {
        let cells = [id, email, name, phone, "東京都"]
        var fields = zip(["member_id", "email", "name", "phone", "address"], cells).map { ShopRecord.Field(name: $0, value: $1) }
        if !account.isEmpty { fields.append(.init(name: "account", value: account)) }
        return ShopRecord(kind: .member, source: 0, key: id, fields: fields, rows: [.init(row: 2, cells: cells)])
    }

    static func fixture() throws -> ArchiveFixture {
        let fixture = try ArchiveFixture()
        let members = [
            member("M1", email: "Ryoko.Komura@Example.JP", name: "小村 亮子", phone: "090-1234-5678", account: "ryoko"),
            member("M2", email: "mei@example.tw", name: "陳美玲", phone: "0912-345-678"),
            member("M3", email: "hanako@example.jp", name: "𠮷田 花子", phone: "＋８１ ３ １２３４ ５６７８"),
        ]
        var orders = Fixtures.orders(3)
        for index in orders.indices {
            orders[index].fields = orders[index].fields.map { field in
                field.name == "member_id" ? .init(name: "member_id", value: "M\(index % 2 + 1)") : field
            }
        }
        try fixture.importOK(try fixture.chain().next(members: members, orders: orders))
        return fixture
    }

    @Test(arguments: [
        ("+81 90-1234-5678", "M1"), ("09012345678", "M1"), ("０９０－１２３４－５６７８", "M1"), ("(090) 1234 5678", "M1"),
        ("+886 912 345 678", "M2"), ("+886-912-345-678", "M2"), ("0912345678", "M2"), ("03-1234-5678", "M3"),
    ])
    func phoneNumbersMatchWhateverTheirFormat(query: String, expected: String) throws {
        let result = try Self.fixture().archive.find(.phone, query)
        #expect(result.members.map(\.member.current.key) == [expected])
    }

    @Test(arguments: [("小村", "M1"), ("村亮", "M1"), ("小村 亮子", "M1"), ("美玲", "M2"), ("陳美玲", "M2"), ("𠮷田", "M3"), ("田花", "M3")])
    func namesMatchByCJKSubstring(query: String, expected: String) throws {
        let result = try Self.fixture().archive.find(.name, query)
        #expect(result.members.map(\.member.current.key) == [expected])
    }

    @Test func everyOtherKeyFindsItsRecord() throws {
        let archive = try Self.fixture().archive
        #expect(try archive.find(.email, "ryoko.komura@example.jp").members.map(\.member.current.key) == ["M1"])
        #expect(try archive.find(.account, "RYOKO").members.map(\.member.current.key) == ["M1"])
        #expect(try archive.find(.name, "佐藤").members.isEmpty)
        let byMember = try archive.find(.memberID, "M1")
        #expect(byMember.members.map(\.member.current.key) == ["M1"])
        #expect(byMember.members.first?.orders.map(\.current.key) == ["O000001", "O000003"])
        #expect(byMember.orders.isEmpty)
        let byOrder = try archive.find(.orderNo, "O000001")
        #expect(byOrder.members.isEmpty)
        #expect(byOrder.orders.map(\.current.key) == ["O000001"])
        #expect(byOrder.orders.first?.current.items.count == 2)
        let m2 = try archive.find(.memberID, "M2")
        #expect(m2.members.first?.orders.map(\.current.key) == ["O000002"])
    }

    @Test func historyListsEveryVersionWithItsBundle() throws {
        let fixture = try Self.fixture()
        let chain = fixture.chain()
        try chain.next()
        let moved = Self.member("M1", email: "new@example.jp", name: "小村 亮子", phone: "090-1234-5678", account: "ryoko")
        let outcome = try fixture.archive.importBundles(at: [try chain.write(sequence: 2, previousHash: try Self.firstHash(fixture), members: [moved])], identity: fixture.offline)
        _ = try outcome[0].result.get()
        let result = try fixture.archive.find(.email, "ryoko.komura@example.jp", history: true)
        let found = try #require(result.members.first?.member)
        #expect(found.current[field: "email"] == "new@example.jp")
        #expect(found.history?.map(\.bundle.sequence) == [1, 2])
    }

    static func firstHash(_ fixture: ArchiveFixture) throws -> [UInt8] {
        Hex.decode(try #require(try fixture.archive.chainHeads().first?.bundleHash)) ?? []
    }

    @Test(arguments: ["12345", "0912***678", "tel:0312345678", ""])
    func unsearchablePhoneNumbersAreRefused(query: String) throws {
        #expect(throws: ArchiveError.self) { try Self.fixture().archive.find(.phone, query) }
    }

    @Test(arguments: [
        ("+81 90-1234-5678", "9012345678"), ("090-1234-5678", "9012345678"), ("+886 912 345 678", "912345678"),
        ("0912-345-678", "912345678"), ("+1 (415) 555-0100", "4155550100"), ("+44 (0)20 7946 0958", "2079460958"),
        ("090ー1234ー5678", "9012345678"),
    ])
    func phoneKeys(value: String, key: String) {
        #expect(LookupField.phone.key(for: value) == key)
    }
}
