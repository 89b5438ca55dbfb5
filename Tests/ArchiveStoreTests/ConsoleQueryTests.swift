import AirlockFormat
import ArchiveStore
import Foundation
import TestSupport
import Testing

/// The read-only queries behind the console: filtered, paged current records, a member's orders, arrivals.
@Suite struct ConsoleQueryTests {
    static func member(_ id: String, email: String, name: String, phone: String, level: String, registered: String)
        -> ShopRecord
    {
        let cells = [id, email, name, phone, "東京都"]
        let fields =
            zip(["member_id", "email", "name", "phone", "address"], cells).map { ShopRecord.Field(name: $0, value: $1) }
            + [.init(name: "level", value: level), .init(name: "registered_at", value: registered)]
        return ShopRecord(kind: .member, source: 0, key: id, fields: fields, rows: [.init(row: 2, cells: cells)])
    }

    static func fixture() throws -> ArchiveFixture {
        let fixture = try ArchiveFixture()
        let members = [
            member(
                "M1", email: "ryoko@example.jp", name: "小村 亮子", phone: "090-1234-5678", level: "Gold",
                registered: "2026-01-15"),
            member(
                "M2", email: "mei@example.tw", name: "陳美玲", phone: "0912-345-678", level: "Silver",
                registered: "2026/03/02 10:00"),
            member(
                "M3", email: "taro_x@example.jp", name: "山田 太郎", phone: "03-1234-5678", level: "Gold",
                registered: "2026-07-20"),
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
        (RecordFilter(kind: .member), ["M3", "M2", "M1"]),
        (RecordFilter(kind: .member, equals: ["level": "Gold"]), ["M3", "M1"]),
        (RecordFilter(kind: .member, from: "2026-03-01", through: "2026-07-20"), ["M3", "M2"]),
        (RecordFilter(kind: .member, keyword: "0912"), ["M2"]),
        (RecordFilter(kind: .member, keyword: "RYOKO@"), ["M1"]),
        (RecordFilter(kind: .member, keyword: "田 太"), ["M3"]),
        (RecordFilter(kind: .member, keyword: "taro_"), ["M3"]),
        (RecordFilter(kind: .member, keyword: "%"), []),
        (RecordFilter(kind: .member, keyword: "M2"), ["M2"]),
        (RecordFilter(kind: .order, keyword: "M1"), ["O000003", "O000001"]),
    ])
    func filtersSelectCurrentRecords(filter: RecordFilter, expected: [String]) throws {
        let archive = try Self.fixture().archive
        let page = try archive.records(matching: filter, offset: 0, limit: 10)
        #expect(page.records.map(\.key) == expected)
        #expect(page.total == expected.count)
        var streamed: [String] = []
        try archive.forEachCurrentRecord(matching: filter) { streamed.append($0.key) }
        #expect(streamed == expected)
    }

    @Test func pagesSplitTheListAndCountItAll() throws {
        let archive = try Self.fixture().archive
        let first = try archive.records(matching: RecordFilter(kind: .member), offset: 0, limit: 2)
        let second = try archive.records(matching: RecordFilter(kind: .member), offset: 2, limit: 2)
        #expect(first.records.map(\.key) == ["M3", "M2"])
        #expect(second.records.map(\.key) == ["M1"])
        #expect(first.total == 3 && second.total == 3)
    }

    @Test func choicesMembersOrdersAndArrivals() throws {
        let fixture = try Self.fixture()
        let archive = fixture.archive
        #expect(try archive.distinctValues(of: "level", kind: .member) == ["Gold", "Silver"])
        #expect(try archive.orders(ofMember: "M1").map(\.key) == ["O000003", "O000001"])
        let day = ArchiveFixture.fixedTime
        let arrivals = try archive.arrivals(importedFrom: day.addingTimeInterval(-60), to: day.addingTimeInterval(60))
        #expect(arrivals.membersNew == 3 && arrivals.ordersNew == 3 && arrivals.membersChanged == 0)
        let before = try archive.arrivals(importedFrom: day.addingTimeInterval(-7200), to: day.addingTimeInterval(-60))
        #expect(before == ArrivalCounts())
    }

    @Test func aListExportsWithExportsLayoutAndIsAudited() throws {
        let fixture = try Self.fixture()
        let path = fixture.directory.file("gold.csv")
        let summary = try fixture.archive.exportList(
            matching: RecordFilter(kind: .member, equals: ["level": "Gold"]), masked: true,
            auditDetails: ["by": "hanako", "via": "console"], to: path)
        #expect(summary.records == 2 && summary.rows == 2)
        let bytes = try #require(FileManager.default.contents(atPath: path))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("member_id,account,email,name,"))
        #expect(text.contains("M3,,taro_x@example.jp,山***,"))
        #expect(!text.contains("M2,"))
        let entry = try #require(try fixture.archive.auditLog().last)
        #expect(entry.event == "export")
        #expect(entry.details.contains("\"by\":\"hanako\"") && entry.details.contains("\"masked\":\"yes\""))
        #expect(throws: ExportError.outputExists(path: path)) {
            try fixture.archive.exportList(
                matching: RecordFilter(kind: .member), masked: false, auditDetails: [:], to: path)
        }
    }
}
