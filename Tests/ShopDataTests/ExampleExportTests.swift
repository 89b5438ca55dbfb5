import Foundation
import ShopData
import Testing

@Suite struct ExampleExportTests {
    @Test(arguments: Fixtures.exports)
    func detectsProfileKindAndDialect(_ example: ExampleExport) throws {
        let reader = try ShopFileReader(url: Fixtures.url(example.path))
        #expect(reader.profile.name == example.profile)
        #expect(reader.kind == example.kind)
        #expect(
            reader.csv.dialect
                == CSVDialect(
                    encoding: example.encoding, byteOrderMark: example.bom,
                    lineEnding: example.lineEnding, quoting: example.quoting))
        var rows = 0
        while try reader.next() != nil { rows += 1 }
        #expect(rows == example.rows)
        #expect(reader.csv.warnings.isEmpty)
    }

    /// Read → write every row from its raw bytes → the very same file, BOM, CP932 and line breaks included.
    @Test(arguments: Fixtures.exports)
    func rawRowsWriteBackByteForByte(_ example: ExampleExport) throws {
        let folder = try TemporaryFolder()
        let reader = try CSVReader(
            url: Fixtures.url(example.path), options: CSVReadOptions(allowedDuplicateHeaders: .any))
        let output = folder.url.appendingPathComponent("copy.csv")
        let writer = try CSVWriter(url: output, dialect: reader.dialect)
        try writer.write(row: reader.headerRow)
        while let row = try reader.next() { try writer.write(row: row) }
        try writer.finish(endWithLineEnding: reader.endsWithLineEnding)
        #expect(try Data(contentsOf: output) == Data(contentsOf: Fixtures.url(example.path)))
        #expect(try folder.contents() == ["copy.csv"])
    }

    @Test(arguments: Fixtures.exports)
    func groupsOrderLineItems(_ example: ExampleExport) throws {
        guard let expected = example.groups else { return }
        let reader = try ShopFileReader(url: Fixtures.url(example.path))
        var grouper = reader.orders()
        var counts: [Int] = []
        while let order = try grouper.next() {
            counts.append(order.rows.count)
            #expect(order.rows.allSatisfy { $0[.orderNo] == order.key })
            #expect(order[.total]?.isEmpty == false)
        }
        #expect(counts == expected)
    }

    @Test(arguments: Fixtures.exports)
    func fixturesMatchTheExamplesFolder(_ example: ExampleExport) throws {
        #expect(try Data(contentsOf: Fixtures.url(example.path)) == Data(contentsOf: Fixtures.example(example.path)))
    }

    @Test func ecCubeKeepsBothShippingFees() throws {
        let reader = try ShopFileReader(url: Fixtures.url("ec-cube/order.csv"))
        #expect(reader.csv.header.keys.filter { $0.hasPrefix("送料") } == ["送料", "送料#2"])
        let first = try #require(try reader.next())
        #expect(first[.shippingFee] == "600")
        #expect(first.unmapped.first { $0.key == "送料#2" }?.value == "600")
        #expect(first[.status] == "発送済み")
        #expect(first[.purchaserName] == "山田 太郎")
        #expect(first[.purchaserAddress] == "東京都新宿区西新宿2-8-1新宿ビル3F")
        #expect(first[.completedAt] == "2026-10-21 08:00:00")
        #expect(first[.shippedAt] == "2026-10-21 08:00:00")
        #expect(reader.mapper.layout.finalState(of: first[.status]!) == .completed)
        let second = try #require(try reader.next())
        #expect(second[.shippingFee] == "0")
        #expect(second[.itemOption] == "100g")
    }

    @Test func ecCubeMembersDecodeCP932AndSetCredentialsAside() throws {
        let reader = try ShopFileReader(url: Fixtures.url("ec-cube/member.csv"))
        var rows: [MappedRow] = []
        while let row = try reader.next() { rows.append(row) }
        #expect(rows.map { $0[.name] } == ["山田 太郎", "佐藤 花子", "髙橋 健", "山﨑 結衣", "能登 さくら"])
        #expect(rows[0][.nameKana] == "ヤマダ タロウ")
        #expect(rows[1].unmapped.contains { $0.key == "会社名" && $0.value == "㈱サトウ表具店" })
        #expect(rows[1].unmapped.contains { $0.key == "ショップ用メモ欄" && $0.value == "ソファ配送は要予約" })
        #expect(rows[3][.address] == "東京都渋谷区神宮前5-1表参道ヒルズ①")
        let credentialKeys = reader.mapper.credentialColumns.map { reader.csv.header.keys[$0] }
        #expect(credentialKeys == ["password", "salt"])
        #expect(rows.allSatisfy { row in !row.unmapped.contains { $0.key == "password" || $0.key == "salt" } })
        #expect(reader.mapper.layout.accepts[.nameKana]?.accepts(rows[0][.nameKana]!) == true)
    }

    @Test func shopifyCustomersCleanApostrophesAndWarn() throws {
        let reader = try ShopFileReader(url: Fixtures.url("shopify/customers_export.csv"))
        var rows: [MappedRow] = []
        while let row = try reader.next() { rows.append(row) }
        #expect(rows[0][.memberID] == "7210448301122")
        #expect(Array(rows[0].row.rawField(0)) == Array("'7210448301122".utf8))
        #expect(rows[0][.postalCode] == "106")
        #expect(rows[0][.mobile] == "+886912345678")
        #expect(rows[0][.name] == "陳 美玲")
        #expect(rows[0][.address] == "忠孝東路四段100號5樓, 台北市")
        let file = "customers_export.csv"
        #expect(
            rows[0].warnings.contains(
                ShopDataWarning(
                    .apostrophePrefix,
                    at: CSVLocation(file: file, row: 2, line: 2, column: 1, header: "Customer ID"))))
        #expect(
            rows[2].warnings.contains(
                ShopDataWarning(
                    .lostLeadingZero,
                    at: CSVLocation(file: file, row: 4, line: 4, column: 14, header: "Phone"))))
        #expect(
            rows[3].warnings.contains(
                ShopDataWarning(
                    .scientificNotation,
                    at: CSVLocation(file: file, row: 5, line: 5, column: 14, header: "Phone"))))
        #expect(
            rows[4].warnings == [
                ShopDataWarning(
                    .apostrophePrefix,
                    at: CSVLocation(file: file, row: 6, line: 6, column: 12, header: "Default Address Zip"))
            ])
        #expect(rows[4][.postalCode] == "0600001")
    }

    @Test func shopifyOrderLevelFieldsComeFromTheFirstRow() throws {
        let reader = try ShopFileReader(url: Fixtures.url("shopify/orders_export.csv"))
        #expect(reader.mapper.layout.orderLevelFieldsOnFirstRowOnly)
        var grouper = reader.orders()
        var orders: [OrderGroup] = []
        while let order = try grouper.next() { orders.append(order) }
        #expect(orders.map(\.key) == ["#1001", "#1002", "#1003", "#1004"])
        #expect(orders[0][.status] == "paid fulfilled")
        #expect(orders[0].rows[1][.status] == "")
        #expect(orders[0].rows[1][.itemSKU] == "CUP-010")
        #expect(
            orders.map { reader.mapper.layout.finalState(of: $0[.status]!) } == [
                .completed, .completed, .cancelled, nil,
            ])
        let created = try #require(orders[1][.orderedAt])
        #expect(reader.profile.parseTimestamp(created) == Date(timeIntervalSince1970: 1_794_813_360))
        #expect(orders[0][.recipientPostalCode] == "106")
    }

    @Test func airlockOrdersKeepMultiLineAndCommaCells() throws {
        let reader = try ShopFileReader(url: Fixtures.url("airlock/orders.csv"))
        var grouper = reader.orders()
        var notes: [String: String] = [:]
        while let order = try grouper.next() { notes[order.key] = order[.note] }
        #expect(notes["O-1007"] == "請於晚上送達\r\n謝謝")
        #expect(notes["O-1004"] == "ギフト包装, のし付き")
    }
}
