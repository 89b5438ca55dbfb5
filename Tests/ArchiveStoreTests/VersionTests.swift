import AirlockFormat
import ArchiveStore
import TestSupport
import Testing

@Suite struct VersionTests {
    /// `member` with one field changed.
    static func edited(_ member: ShopRecord, _ name: String, _ value: String, masked: [String] = [], row: UInt64? = nil)
        -> ShopRecord
    {
        var fields = member.fields
        if let index = fields.firstIndex(where: { $0.name == name }) { fields[index].value = value }
        let columns = ["member_id", "email", "name", "phone", "address"]
        let cells = columns.map { column in fields.first { $0.name == column }?.value ?? "" }
        return ShopRecord(
            kind: .member, source: 0, key: member.key, fields: fields, maskedAtSource: masked,
            rows: [.init(row: row ?? member.rows[0].row, cells: cells)])
    }

    @Test func anUnchangedReArrivalAddsNoVersion() throws {
        let fixture = try ArchiveFixture()
        let chain = fixture.chain()
        let members = Fixtures.members(3)
        try fixture.importOK(try chain.next(members: members))
        // Same content at other row numbers, plus one real change.
        let again = [
            Self.edited(members[0], "email", members[0][field: "email"]!, row: 40),
            Self.edited(members[1], "email", "new@example.jp"), members[2],
        ]
        let summary = try fixture.importOK(try chain.next(members: again))
        #expect(summary.newRecords == 0)
        #expect(summary.changedRecords == 1)
        #expect(summary.unchangedRecords == 2)
        #expect(try fixture.archive.history(kind: .member, key: "M00001").count == 1)
        let history = try fixture.archive.history(kind: .member, key: "M00002")
        #expect(history.map(\.bundle.sequence) == [1, 2])
        #expect(try fixture.archive.currentRecord(kind: .member, key: "M00002")?[field: "email"] == "new@example.jp")
    }

    @Test func aFieldMaskedAtSourceKeepsItsEarlierRealValue() throws {
        let fixture = try ArchiveFixture()
        let chain = fixture.chain()
        let member = Fixtures.members(1)[0]
        let realPhone = member[field: "phone"]!
        try fixture.importOK(try chain.next(members: [member]))
        let masked = Self.edited(member, "phone", "0912***001", masked: ["phone"])
        try fixture.importOK(try chain.next(members: [masked]))
        let current = try #require(try fixture.archive.currentRecord(kind: .member, key: member.key))
        #expect(current[field: "phone"] == realPhone)
        #expect(current.restored == ["phone"])
        #expect(current.stillMasked.isEmpty)
        #expect(current.newest[field: "phone"] == "0912***001")
        #expect(current.newest.maskedAtSource == ["phone"])
    }

    @Test func aFieldMaskedFromTheStartStaysMasked() throws {
        let fixture = try ArchiveFixture()
        let member = Self.edited(Fixtures.members(1)[0], "phone", "0912***001", masked: ["phone"])
        try fixture.importOK(try fixture.chain().next(members: [member]))
        let current = try #require(try fixture.archive.currentRecord(kind: .member, key: member.key))
        #expect(current.stillMasked == ["phone"])
        #expect(current[field: "phone"] == "0912***001")
        // A masked value is not indexed.
        #expect(throws: ArchiveError.self) { try fixture.archive.find(.phone, "0912***001") }
    }

    @Test func changingBackToAnEarlierContentMakesItCurrentAgain() throws {
        let fixture = try ArchiveFixture()
        let chain = fixture.chain()
        let original = Fixtures.members(1)[0]
        try fixture.importOK(try chain.next(members: [original]))
        try fixture.importOK(try chain.next(members: [Self.edited(original, "email", "moved@example.jp")]))
        let back = try fixture.importOK(try chain.next(members: [original]))
        #expect(back.changedRecords == 1)
        let history = try fixture.archive.history(kind: .member, key: original.key)
        #expect(history.map(\.bundle.sequence) == [1, 2, 3])
        #expect(history[0].contentHash == history[2].contentHash)
        #expect(try fixture.archive.currentRecord(kind: .member, key: original.key)?[field: "email"] == original[field: "email"])
    }

    @Test func currentRecordsComeInKeyOrderForExports() throws {
        let fixture = try ArchiveFixture()
        let chain = fixture.chain()
        try fixture.importOK(try chain.next(members: Array(Fixtures.members(5).reversed()), orders: Fixtures.orders(2)))
        try fixture.importOK(try chain.next(members: [Self.edited(Fixtures.members(1)[0], "name", "改名 太郎")]))
        var keys: [String] = []
        try fixture.archive.forEachCurrentRecord(kind: .member) { keys.append($0.key) }
        #expect(keys == ["M00001", "M00002", "M00003", "M00004", "M00005"])
        var versions: [String] = []
        try fixture.archive.forEachVersion(kind: .member) { versions.append("\($0.key)@\($0.bundle.sequence)") }
        #expect(versions.prefix(3) == ["M00001@1", "M00001@2", "M00002@1"])
        var orders: [CurrentRecord] = []
        try fixture.archive.forEachCurrentRecord(kind: .order) { orders.append($0) }
        #expect(orders.map(\.items.count) == [2, 2])
    }
}
