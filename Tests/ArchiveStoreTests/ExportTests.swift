import AirlockFormat
import ArchiveStore
import Foundation
import ShopData
import TestSupport
import Testing

@Suite struct ExportTests {
    /// Members with formula-like cells, an unmapped column, and a name CP932 cannot hold (𠮷).
    static let trickyMembers = [
        "member_id,email,name,phone,address,registered_at,memo",
        "X1,a@example.jp,=cmd|' /C calc'!A0,0912-345-678,台北市大安區忠孝東路四段100號,2025-01-01 10:00:00,@SUM(1+1)",
        "X2,b@example.jp,𠮷田 花子,090-1234-5678,東京都新宿区西新宿2-8-1,2025-02-01 10:00:00,-2+3",
    ]

    @Test func maskedExportsHoldNoOriginalNamePhoneOrAddress() throws {
        let fixture = try ExportFixture()
        try fixture.packExamples(members: "airlock/members.csv", orders: "airlock/orders.csv")
        let input = try ReadCSV(RepositoryPaths.example("airlock/members.csv"))
        let path = try fixture.export(ExportOptions(kind: .member, masked: true))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let output = try ReadCSV(path)
        #expect(!output.rows.isEmpty)
        for source in input.rows {
            for field in ["name", "name_kana", "phone", "mobile", "address"] {
                let value = source[field] ?? ""
                guard value.count > 1 else { continue }
                #expect(!text.contains(value), "\(source["member_id"] ?? "") \(field)")
            }
        }
        let inputByID = input.grouped(by: "member_id")
        for row in output.rows {
            let source = try #require(inputByID[row["member_id"] ?? ""]?.first)
            #expect(row["postal_code"] != source["postal_code"])
            #expect(row["email"] == source["email"])
            #expect(row["name"]?.hasSuffix("***") == true)
        }
        let orders = try String(contentsOfFile: try fixture.export(ExportOptions(kind: .order, masked: true)), encoding: .utf8)
        for member in input.rows {
            for field in ["name", "phone", "mobile", "address"] where (member[field] ?? "").count > 1 {
                #expect(!orders.contains(member[field] ?? ""), "\(field)")
            }
        }
    }

    @Test(arguments: [(ExportOptions.Format.csv, false), (.csv, true), (.jsonl, false), (.jsonl, true)])
    func exportsAreDeterministic(format: ExportOptions.Format, history: Bool) throws {
        let fixture = try ExportFixture()
        try fixture.packExamples(members: "airlock/members.csv", orders: "airlock/orders.csv")
        try fixture.packExamples(members: "shopify/customers_export.csv", orders: "shopify/orders_export.csv")
        for kind in [ShopRecord.Kind.member, .order] {
            let options = ExportOptions(kind: kind, format: format, history: history)
            let first = try Data(contentsOf: URL(fileURLWithPath: try fixture.export(options)))
            let second = try Data(contentsOf: URL(fileURLWithPath: try fixture.export(options)))
            #expect(first == second)
            #expect(!first.isEmpty)
        }
    }

    @Test func theFileIsPrivateAndNeverReplaced() throws {
        let fixture = try ExportFixture()
        try fixture.packExamples(members: "airlock/members.csv")
        for format in ExportOptions.Format.allCases {
            let path = try fixture.export(ExportOptions(kind: .member, format: format))
            let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
            #expect(mode == 0o600)
            #expect(throws: ExportError.outputExists(path: path)) {
                try fixture.archive.export(ExportOptions(kind: .member, format: format), to: path)
            }
        }
    }

    @Test func anUnrepresentableCharacterNamesKeyAndColumnAndLeavesNoFile() throws {
        let fixture = try ExportFixture()
        try fixture.packAndImport(members: fixture.csv("tricky.csv", Self.trickyMembers))
        let folder = fixture.directory.file("out")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/members-cp932.csv"
        #expect(throws: ExportError.unrepresentable(key: "X2", column: "name", encoding: "CP932 (Shift_JIS)")) {
            try fixture.archive.export(ExportOptions(kind: .member, encoding: "cp932"), to: path)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
        #expect(try fixture.archive.auditLog().last?.event != "export")
        // Big5 cannot hold 𠮷 either; UTF-8 holds everything.
        #expect(throws: ExportError.self) { try fixture.archive.export(ExportOptions(kind: .member, encoding: "big5"), to: path) }
        try fixture.archive.export(ExportOptions(kind: .member, encoding: "utf-8"), to: path)
    }

    @Test func formulaLikeCellsAreNeutralisedUnlessAskedNotTo() throws {
        let fixture = try ExportFixture()
        try fixture.packAndImport(members: fixture.csv("tricky.csv", Self.trickyMembers))
        let safe = try ReadCSV(try fixture.export(ExportOptions(kind: .member)))
        let exact = try ReadCSV(try fixture.export(ExportOptions(kind: .member, spreadsheetSafe: false)))
        #expect(safe.keys.last == "memo")
        #expect(safe.rows.map { $0["name"] } == ["'=cmd|' /C calc'!A0", "𠮷田 花子"])
        #expect(safe.rows.map { $0["memo"] } == ["'@SUM(1+1)", "'-2+3"])
        #expect(exact.rows.map { $0["name"] } == ["=cmd|' /C calc'!A0", "𠮷田 花子"])
        #expect(exact.rows.map { $0["memo"] } == ["@SUM(1+1)", "-2+3"])
        // JSON Lines is never altered.
        let lines = try Self.jsonLines(try fixture.export(ExportOptions(kind: .member, format: .jsonl), name: "m.jsonl"))
        #expect(lines.map { $0["name"] as? String } == ["=cmd|' /C calc'!A0", "𠮷田 花子"])
        #expect(lines.map { $0["memo"] as? String } == ["@SUM(1+1)", "-2+3"])
    }

    @Test func jsonLinesHaveOneObjectPerRowInColumnOrder() throws {
        let fixture = try ExportFixture()
        try fixture.packExamples(orders: "airlock/orders.csv")
        let csv = try ReadCSV(try fixture.export(ExportOptions(kind: .order, spreadsheetSafe: false)))
        let path = try fixture.export(ExportOptions(kind: .order, format: .jsonl), name: "orders.jsonl")
        let lines = try Self.jsonLines(path)
        #expect(lines.count == csv.rows.count)
        for (line, row) in zip(lines, csv.rows) {
            #expect(Set(line.keys) == Set(csv.keys))
            for key in csv.keys { #expect(line[key] as? String == row[key], "\(key)") }
        }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("{\"order_no\":\"O-1001\",\"ordered_at\":"))
        #expect(text.hasSuffix("}\n"))
    }

    @Test func sinceAndUntilSelectByTheRecordsOwnDay() throws {
        let fixture = try ExportFixture()
        try fixture.packExamples(members: "airlock/members.csv", orders: "airlock/orders.csv")
        let members = try ReadCSV(try fixture.export(ExportOptions(
            kind: .member, since: ExportDay("2025-01-01"), until: ExportDay("2025-12-31"))))
        #expect(members.rows.map { $0["member_id"] ?? "" } == ["M0002", "M0006"])
        let all = try ReadCSV(try fixture.export(ExportOptions(kind: .order)))
        let window = try ReadCSV(try fixture.export(ExportOptions(
            kind: .order, since: ExportDay("2026-11-04"), until: ExportDay("2026-11-12"))))
        let expected = all.rows.filter { row in
            let day = String((row["completed_at"] ?? "").prefix(10))
            return day >= "2026-11-04" && day <= "2026-11-12"
        }
        #expect(!expected.isEmpty)
        #expect(window.rows == expected)
        #expect(Set(window.rows.compactMap { $0["order_no"] }) == ["O-1003", "O-1004"])
    }

    @Test func withoutItsDateFieldARecordIsDatedByItsImport() throws {
        let fixture = try ExportFixture()
        try fixture.packAndImport(
            members: fixture.csv("undated.csv", ["member_id,email", "U1,u1@example.jp"]),
            profile: try ProfileRegistry.builtIn.profile(named: "airlock"))
        // The fixture's clock: 2025-11-24T16:00:00Z.
        let on = try ReadCSV(try fixture.export(ExportOptions(kind: .member, since: ExportDay("2025-11-24"))))
        let before = try ReadCSV(try fixture.export(ExportOptions(kind: .member, until: ExportDay("2025-11-23"))))
        #expect(on.rows.count == 1)
        #expect(before.rows.isEmpty)
    }

    @Test func theCurrentViewRestoresValuesMaskedAtSourceAndHistoryShowsEveryVersion() throws {
        let fixture = try ExportFixture()
        let header = "member_id,email,name,phone,address,registered_at"
        try fixture.packAndImport(members: fixture.csv("v1.csv", [
            header, "R1,r1@example.jp,陳美玲,0912-345-678,台北市大安區忠孝東路四段100號,2025-01-01 10:00:00",
        ]))
        try fixture.packAndImport(members: fixture.csv("v2.csv", [
            header, "R1,new@example.jp,陳***,0912***678,台北市大安區***,2025-01-01 10:00:00",
        ]))
        let current = try ReadCSV(try fixture.export(ExportOptions(kind: .member)))
        #expect(current.rows.count == 1)
        #expect(current.rows[0]["email"] == "new@example.jp")
        #expect(current.rows[0]["name"] == "陳美玲")
        #expect(current.rows[0]["phone"] == "0912-345-678")
        #expect(current.rows[0]["address"] == "台北市大安區忠孝東路四段100號")
        let history = try ReadCSV(try fixture.export(ExportOptions(kind: .member, history: true)))
        #expect(history.keys.suffix(2) == ["airlock_revision", "airlock_imported_at"])
        #expect(history.rows.map { $0["airlock_revision"] } == ["1", "2"])
        #expect(history.rows.map { $0["name"] } == ["陳美玲", "陳***"])
        #expect(history.rows.allSatisfy { $0["airlock_imported_at"]?.hasPrefix("2025-11-24T") == true })
    }

    @Test func eachExportIsAuditedWithoutPersonalData() throws {
        let fixture = try ExportFixture()
        try fixture.packExamples(members: "airlock/members.csv")
        let path = try fixture.export(ExportOptions(kind: .member, masked: true), name: "masked-members.csv")
        let entry = try #require(try fixture.archive.auditLog().last)
        #expect(entry.event == "export")
        let details = try #require(
            try JSONSerialization.jsonObject(with: Data(entry.details.utf8)) as? [String: Any])
        #expect(details["kind"] as? String == "member")
        #expect(details["masked"] as? String == "yes")
        #expect(details["format"] as? String == "csv")
        #expect(details["file"] as? String == "masked-members.csv")
        #expect(details["records"] as? Int == (try ReadCSV(path)).rows.count)
        #expect(!entry.details.contains(fixture.directory.path))
        for name in ["陳美玲", "林志偉", "山田"] { #expect(!entry.details.contains(name)) }
    }

    /// The lines of a JSON Lines file, each parsed as an object.
    static func jsonLines(_ path: String) throws -> [[String: Any]] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }
}
