import Console
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct SearchTests {
    @Test(arguments: [
        ("mei%40example.tw", "/members/M002"), ("RYOKO.KOMURA%40EXAMPLE.JP", "/members/M001"),
        ("O-1002", "/orders/O-1002"), ("+O-1003+", "/orders/O-1003"), ("M003", "/members/M003"),
        ("%2B886+912+345+678", "/members/M002"), ("%EF%BC%90%EF%BC%93-1234-5678", "/members/M003"),
        ("guest%40example.com", "/orders/O-1003"), ("%E5%B1%B1%E7%94%B0", "/members/M003"), ("taro", "/members/M003"),
    ])
    func oneMatchGoesStraightToItsPage(query: String, location: String) async throws {
        let fixture = try ConsoleFixture()
        let browser = Browser()
        try await fixture.server().application(port: 0).test(.router) { client in
            try await browser.logIn(client)
            let response = try await browser.request(client, "/search?q=" + query)
            #expect(response.status == .seeOther, "\(query)")
            #expect(response.location == location, "\(query)")
        }
    }

    @Test func noMatchIsSaid() async throws {
        let fixture = try ConsoleFixture()
        let browser = Browser()
        try await fixture.server().application(port: 0).test(.router) { client in
            try await browser.logIn(client)
            let none = try await browser.request(client, "/search?q=nobody%40nowhere.example")
            #expect(none.status == .ok)
            #expect(none.text.contains("No record matches."))
            #expect(none.text.contains("nobody@nowhere.example"))
            let empty = try await browser.request(client, "/search?q=")
            #expect(empty.status == .ok)
            #expect(empty.text.contains("Enter an e-mail address"))
        }
    }

    @Test func aNamePartSharedByTwoRecordsListsBoth() async throws {
        let fixture = try ConsoleFixture()
        let browser = Browser()
        try await fixture.server().application(port: 0).test(.router) { client in
            try await browser.logIn(client)
            // 美玲 is member M002 and the purchaser of O-1002, which is listed under M002: one answer.
            #expect(try await browser.request(client, "/search?q=%E7%BE%8E%E7%8E%B2").location == "/members/M002")
            // 花子 is the recipient on every order and no member's name: the orders are listed.
            let list = try await browser.request(client, "/search?q=%E8%8A%B1%E5%AD%90")
            #expect(list.status == .ok)
            #expect(list.text.contains("href=\"/orders/O-1003\""))
            #expect(list.text.contains("matches"))
        }
    }
}
