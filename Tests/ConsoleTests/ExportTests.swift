import ArchiveStore
import Console
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct ExportTests {
    static func lines(_ response: TestResponse) -> [String] {
        var bytes = Array(response.body.readableBytesView)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "UTF-8 byte order mark for Excel")
        bytes.removeFirst(min(3, bytes.count))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasSuffix("\r\n"))
        return text.components(separatedBy: "\r\n").dropLast()
    }

    @Test func theFilteredMemberListExportsInTheCanonicalLayoutAndIsAudited() async throws {
        let fixture = try ConsoleFixture()
        let archive = fixture.archive
        let browser = Browser()
        try await fixture.server().application(port: 0).test(.router) { client in
            try await browser.logIn(client)
            let response = try await browser.request(client, "/members.csv?level=Gold&q=")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(
                response.headers[.contentDisposition] == "attachment; filename=\"airlock-members-20261125-1100.csv\"")
            let lines = Self.lines(response)
            #expect(
                lines.first
                    == "member_id,account,email,name,name_kana,gender,birthday,phone,mobile,postal_code,address,"
                    + "level,points,registered_at,updated_at,status")
            #expect(lines.count == 3)
            #expect(lines[1].hasPrefix("M003,taro,taro@example.jp,山田 太郎,,M,,03-1234-5678,"))
            #expect(lines[2].hasPrefix("M001,ryoko,ryoko@new.example.jp,小村 亮子,"))
            let entry = try #require(try archive.auditLog().last)
            #expect(entry.event == "export")
            let details = try #require(
                try JSONSerialization.jsonObject(with: Data(entry.details.utf8)) as? [String: Any])
            #expect(details["by"] as? String == "hanako")
            #expect(details["via"] as? String == "console")
            #expect(details["kind"] as? String == "member")
            #expect(details["masked"] as? String == "no")
            #expect(details["layout"] as? String == "airlock")
            #expect(details["filters"] as? String == "level")
            #expect(details["records"] as? Int == 2)
            #expect(!entry.details.contains("Gold"))
        }
    }

    @Test func theMaskedExportMasksNamesPhonesAndAddressesAndDefusesFormulas() async throws {
        let fixture = try ConsoleFixture()
        let archive = fixture.archive
        let browser = Browser()
        try await fixture.server().application(port: 0).test(.router) { client in
            try await browser.logIn(client)
            let full = Self.lines(try await browser.request(client, "/members.csv?q=evil"))
            #expect(full.count == 2)
            #expect(full[1].contains(",\"'=cmd|' /C calc'!A0\",") || full[1].contains(",'=cmd|' /C calc'!A0,"))
            let masked = try await browser.request(client, "/members.csv?q=M001&masked=1")
            #expect(masked.headers[.contentDisposition]?.contains("-masked.csv") == true)
            let lines = Self.lines(masked)
            #expect(lines.count == 2)
            #expect(lines[1].hasPrefix("M001,ryoko,ryoko@new.example.jp,小***,"))
            #expect(!lines[1].contains("小村 亮子"))
            #expect(!lines[1].contains("090-1234-5678"))
            #expect(!lines[1].contains("西新宿"))
            let entry = try #require(try archive.auditLog().last)
            #expect(entry.details.contains("\"masked\":\"yes\""))
            #expect(entry.details.contains("\"filters\":\"keyword\""))
            #expect(!entry.details.contains("M001"))
        }
    }

    @Test func ordersExportOneRowPerItem() async throws {
        let fixture = try ConsoleFixture()
        let browser = Browser()
        try await fixture.server().application(port: 0).test(.router) { client in
            try await browser.logIn(client)
            let lines = Self.lines(try await browser.request(client, "/orders.csv?status=completed"))
            #expect(lines[0].hasPrefix("order_no,ordered_at,status,completed_at,member_id,"))
            #expect(lines.count == 4)
            #expect(lines.filter { $0.hasPrefix("O-1001,") }.count == 2)
            #expect(lines.contains { $0.hasPrefix("O-1001,") && $0.contains("SKU-2,湯呑み") })
            #expect(lines.filter { $0.hasPrefix("O-1002,") }.count == 1)
        }
    }
}
