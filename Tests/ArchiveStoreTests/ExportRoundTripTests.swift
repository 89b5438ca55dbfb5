import AirlockFormat
import ArchiveStore
import Foundation
import PackKit
import ShopData
import TestSupport
import Testing

/// A full export of what was imported gives back every sealed source column and value.
@Suite struct ExportRoundTripTests {
    /// An example export, the layout to export it in, its key column and the columns never sealed.
    struct Case: CustomTestStringConvertible, Sendable {
        var example: String
        var kind: ShopRecord.Kind
        var profile: String?
        var encoding: String
        var keyColumn: String
        var credentials: Set<String> = []
        var testDescription: String { "\(example) → \(profile ?? "airlock") \(encoding)" }
    }

    static let cases: [Case] = [
        Case(example: "airlock/members.csv", kind: .member, profile: nil, encoding: "utf-8", keyColumn: "member_id"),
        Case(example: "airlock/orders.csv", kind: .order, profile: nil, encoding: "utf-8", keyColumn: "order_no"),
        Case(example: "shopify/customers_export.csv", kind: .member, profile: "shopify", encoding: "utf-8-bom",
            keyColumn: "Customer ID"),
        Case(example: "shopify/orders_export.csv", kind: .order, profile: "shopify", encoding: "utf-8", keyColumn: "Name"),
        Case(example: "ec-cube/member.csv", kind: .member, profile: "ec-cube", encoding: "cp932", keyColumn: "会員ID",
            credentials: ["password", "salt"]),
        Case(example: "ec-cube/order.csv", kind: .order, profile: "ec-cube", encoding: "cp932", keyColumn: "注文番号"),
    ]

    @Test(arguments: cases) func everySealedRowComesBackColumnByColumn(_ test: Case) throws {
        let fixture = try ExportFixture()
        let summary = test.kind == .member
            ? try fixture.packExamples(members: test.example) : try fixture.packExamples(orders: test.example)
        let path = try fixture.export(ExportOptions(
            kind: test.kind, encoding: test.encoding, profile: test.profile, spreadsheetSafe: false))
        let input = try ReadCSV(RepositoryPaths.example(test.example))
        let output = try ReadCSV(path)

        // Every column of the input but the credentials, under the same header; credentials never.
        let sealedKeys = input.keys.filter { !test.credentials.contains($0) }
        #expect(Set(sealedKeys).isSubset(of: Set(output.keys)))
        #expect(test.credentials.isDisjoint(with: output.keys))
        if test.profile == nil { #expect(output.keys == input.keys) }

        let inputByKey = input.grouped(by: test.keyColumn)
        let outputByKey = output.grouped(by: test.keyColumn)
        #expect(outputByKey.count == summary.files[0].sealedRecords)
        #expect(output.rows.count == summary.files[0].sealedRows)
        var compared = 0
        for (key, rows) in outputByKey {
            let original = try #require(inputByKey[key], "\(key)")
            try #require(rows.count == original.count, "\(key)")
            for (exported, source) in zip(rows, original) {
                for column in sealedKeys {
                    #expect(exported[column] == source[column], "\(key) \(column)")
                    compared += 1
                }
            }
        }
        #expect(compared >= sealedKeys.count * 2)
    }

    @Test func theCanonicalLayoutAppendsTheSourcesUnmappedColumns() throws {
        let fixture = try ExportFixture()
        try fixture.packExamples(members: "shopify/customers_export.csv")
        let input = try ReadCSV(RepositoryPaths.example("shopify/customers_export.csv"))
        let output = try ReadCSV(try fixture.export(ExportOptions(kind: .member, spreadsheetSafe: false)))
        let canonical = ShopData.RecordKind.members.fields.map(\.rawValue)
        #expect(Array(output.keys.prefix(canonical.count)) == canonical)
        let unmapped = ["Accepts Email Marketing", "Default Address Company", "Tags", "Note", "Total Spent"]
        for column in unmapped { #expect(output.keys.contains(column), "\(column)") }
        let inputByID = input.grouped(by: "Customer ID")
        for row in output.rows {
            // The canonical key lost Shopify's protective apostrophe; the source cell kept it.
            let source = try #require(inputByID["'" + (row["member_id"] ?? "")]?.first ?? inputByID[row["member_id"] ?? ""]?.first)
            for column in unmapped { #expect(row[column] == source[column], "\(column)") }
            #expect(row["name"] == [source["Last Name"], source["First Name"]].compactMap { $0 }.filter { !$0.isEmpty }
                .joined(separator: " "))
        }
    }

    @Test func theProfileOptionWritesThePlatformHeadersFromCanonicalFields() throws {
        let fixture = try ExportFixture()
        try fixture.packExamples(members: "airlock/members.csv")
        let input = try ReadCSV(RepositoryPaths.example("airlock/members.csv"))
        let output = try ReadCSV(try fixture.export(ExportOptions(kind: .member, profile: "ec-cube")))
        #expect(output.keys.first == "会員ID")
        let byID = input.grouped(by: "member_id")
        for row in output.rows {
            let source = try #require(byID[row["会員ID"] ?? ""]?.first)
            #expect(row["メールアドレス"] == source["email"])
            // A joined field is split on the join's separator when the parts fit, else kept whole in the first.
            let name = source["name"] ?? ""
            let parts = name.components(separatedBy: " ")
            if parts.count == 2 {
                #expect(row["お名前(姓)"] == parts[0])
                #expect(row["お名前(名)"] == parts[1])
            } else {
                #expect(row["お名前(姓)"] == name)
                #expect(row["お名前(名)"] == "")
            }
            // EC-CUBE joins the address without a separator: the whole value goes to the first column.
            #expect(row["都道府県(名称)"] == source["address"])
            #expect(row["住所1"] == "")
        }
    }
}
