import ArchiveStore
import Console
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing

@Suite struct PageTests {
    static let pages = [
        "/", "/members", "/members/M001", "/orders", "/orders/O-1001", "/months", "/search?q=mei%40example.tw",
        "/members.csv", "/orders.csv", "/nowhere",
    ]

    @Test(arguments: pages)
    func everyPageButTheLoginNeedsASession(path: String) async throws {
        let fixture = try ConsoleFixture()
        try await fixture.server().application(port: 0).test(.router) { client in
            let response = try await client.execute(uri: path, method: .get)
            #expect(response.status == .seeOther)
            #expect(response.location?.hasPrefix("/login?next=") == true)
            #expect(!response.text.contains("小村"))
        }
    }

    @Test func theDashboardCountsTodaysMonthsAndAllRecordsAndListsImports() async throws {
        let fixture = try ConsoleFixture()
        let browser = Browser()
        try await fixture.server().application(port: 0).test(.router) { client in
            try await browser.logIn(client)
            let page = try await browser.request(client, "/")
            #expect(page.status == .ok)
            let text = page.text
            // Today: M001's new e-mail; this month: everything, each record counted once, as new.
            #expect(text.contains(#"<th scope="row">Today</th><td class="num">0</td><td class="num">1</td>"#))
            #expect(text.contains(#"<th scope="row">Today</th><td class="num">0</td><td class="num">0</td>"#))
            #expect(text.contains(#"<th scope="row">This month</th><td class="num">4</td><td class="num">0</td>"#))
            #expect(text.contains(#"<th scope="row">This month</th><td class="num">3</td><td class="num">0</td>"#))
            #expect(text.contains(#"<th scope="row">Total</th><td class="num">4</td>"#))
            #expect(text.contains(#"<th scope="row">Total</th><td class="num">3</td>"#))
            #expect(text.contains("10111213 #2"))
            #expect(text.contains("10111213 #1"))
            #expect(text.contains("No bundle has been rejected."))
        }
    }

    @Test func theDashboardListsRejectedBundles() async throws {
        let fixture = try ConsoleFixture()
        let broken = fixture.directory.write(Array("not a bundle at all".utf8), to: "broken.airlock")
        _ = try fixture.archive.importBundles(at: [broken], identity: fixture.offline)
        let browser = Browser()
        try await fixture.server().application(port: 0).test(.router) { client in
            try await browser.logIn(client)
            let text = try await browser.request(client, "/").text
            #expect(text.contains("Rejected bundles"))
            #expect(text.contains("broken.airlock"))
            #expect(!text.contains("No bundle has been rejected."))
        }
    }

    @Test func theMemberListShowsCurrentValuesAndEscapesThem() async throws {
        let fixture = try ConsoleFixture()
        let browser = Browser()
        try await fixture.server().application(port: 0).test(.router) { client in
            try await browser.logIn(client)
            let text = try await browser.request(client, "/members").text
            #expect(text.contains("4 matches"))
            #expect(text.contains("ryoko@new.example.jp"))
            #expect(!text.contains("Ryoko.Komura@example.jp"))
            #expect(text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!text.contains("<script>"))
            // Newest registration first: M004 (2026-11-01) before M003 (2026-07-20) before M001 (2026-01-15).
            let order = ["/members/M004", "/members/M003", "/members/M002", "/members/M001"].map {
                text.range(of: $0)!.lowerBound
            }
            #expect(order == order.sorted())
        }
    }

    @Test(arguments: [
        ("level=Gold", ["M001", "M003"]), ("gender=M", ["M003", "M004"]), ("level=Gold&gender=F", ["M001"]),
        ("from=2026-03-01&through=2026-07-31", ["M002", "M003"]), ("q=0912", ["M002"]),
        ("q=%2B81+90-1234-5678", ["M001"]),
        ("q=komura", ["M001"]), ("q=new.example", ["M001"]), ("q=%E6%9D%91%E4%BA%AE", ["M001"]), ("q=TARO", ["M003"]),
        ("q=M002", ["M002"]), ("q=nobody", []), ("from=nonsense", ["M001", "M002", "M003", "M004"]),
    ])
    func theMemberListFilters(query: String, expected: [String]) async throws {
        let fixture = try ConsoleFixture()
        let browser = Browser()
        try await fixture.server().application(port: 0).test(.router) { client in
            try await browser.logIn(client)
            let text = try await browser.request(client, "/members?" + query).text
            let shown = ["M001", "M002", "M003", "M004"].filter { text.contains("href=\"/members/\($0)\"") }
            #expect(shown == expected, "\(query)")
            #expect(text.contains(expected.isEmpty ? "Nothing matches." : "\(expected.count) match"))
        }
    }

    @Test func theListsArePaged() async throws {
        let fixture = try ConsoleFixture()
        let browser = Browser()
        try await fixture.server(pageSize: 3).application(port: 0).test(.router) { client in
            try await browser.logIn(client)
            let first = try await browser.request(client, "/members?level=").text
            #expect(first.contains("Page 1 of 2"))
            #expect(first.contains(#"<a href="/members?page=2" rel="next">"#))
            #expect(!first.contains("/members/M001\""))
            let second = try await browser.request(client, "/members?page=2").text
            #expect(second.contains("Page 2 of 2"))
            #expect(second.contains("href=\"/members/M001\""))
            #expect(second.contains(#"<a href="/members" rel="prev">"#))
        }
    }

    @Test func aMembersPageShowsEveryFieldItsOrdersAndItsHistory() async throws {
        let fixture = try ConsoleFixture()
        let browser = Browser()
        try await fixture.server().application(port: 0).test(.router) { client in
            try await browser.logIn(client)
            let page = try await browser.request(client, "/members/M001")
            #expect(page.status == .ok)
            let text = page.text
            for value in [
                "小村 亮子", "ryoko", "ryoko@new.example.jp", "090-1234-5678", "Gold", "2026-01-15", "東京都新宿区西新宿2-8-1",
            ] {
                #expect(text.contains(value), "\(value)")
            }
            #expect(text.contains("href=\"/orders/O-1001\""))
            #expect(!text.contains("href=\"/orders/O-1002\""))
            // History, newest first: version 2 from bundle 2 changed the e-mail; version 1 arrived first.
            #expect(text.contains("10111213 #2"))
            #expect(text.contains("<strong>E-mail</strong>: ryoko@new.example.jp"))
            #expect(text.contains("First arrival"))
            #expect(try await browser.request(client, "/members/M999").status == .notFound)
        }
    }

    @Test func anOrdersPageShowsPurchaserRecipientItemsPaymentDeliveryAndInvoice() async throws {
        let fixture = try ConsoleFixture()
        let browser = Browser()
        try await fixture.server().application(port: 0).test(.router) { client in
            try await browser.logIn(client)
            let page = try await browser.request(client, "/orders/O-1001")
            #expect(page.status == .ok)
            let text = page.text
            for heading in ["Purchaser", "Recipient", "Items", "Payment", "Delivery", "Invoice", "History"] {
                #expect(text.contains("<h2>\(heading)</h2>"), "\(heading)")
            }
            for value in [
                "ryoko.komura@example.jp", "佐藤 花子", "大阪府大阪市北区梅田1-1", "緑茶", "湯呑み", "1,200", "3,300",
                "クレジットカード", "宅配便", "AB12345678", "href=\"/members/M001\"",
            ] {
                #expect(text.contains(value), "\(value)")
            }
            #expect(try await browser.request(client, "/orders/O-9999").status == .notFound)
        }
    }

    @Test func theOrderListFiltersByDateAndStatus() async throws {
        let fixture = try ConsoleFixture()
        let browser = Browser()
        try await fixture.server().application(port: 0).test(.router) { client in
            try await browser.logIn(client)
            func shown(_ query: String) async throws -> [String] {
                let text = try await browser.request(client, "/orders" + query).text
                return ["O-1001", "O-1002", "O-1003"].filter { text.contains("href=\"/orders/\($0)\"") }
            }
            #expect(try await shown("") == ["O-1001", "O-1002", "O-1003"])
            #expect(try await shown("?status=completed") == ["O-1001", "O-1002"])
            #expect(try await shown("?from=2026-10-15&through=2026-11-30") == ["O-1002", "O-1003"])
            #expect(try await shown("?q=guest%40example") == ["O-1003"])
            #expect(try await shown("?q=M002") == ["O-1002"])
            let text = try await browser.request(client, "/orders").text
            #expect(text.range(of: "/orders/O-1003")!.lowerBound < text.range(of: "/orders/O-1001")!.lowerBound)
        }
    }

    @Test func theMonthlyTableHasTotals() async throws {
        let fixture = try ConsoleFixture()
        let browser = Browser()
        try await fixture.server().application(port: 0).test(.router) { client in
            try await browser.logIn(client)
            let text = try await browser.request(client, "/months").text
            #expect(text.contains(#"<th scope="row">2026-10</th><td class="num">2</td>"#))
            #expect(
                text.contains(
                    #"<th scope="row">2026-11</th><td class="num">1</td><td class="num">3</td><td class="num">0</td><td class="num">4</td><td class="num">1</td>"#
                ))
            #expect(
                text.contains(
                    #"<tfoot><tr><th scope="row">Total</th><td class="num">3</td><td class="num">3</td><td class="num">0</td><td class="num">4</td><td class="num">1</td>"#
                ))
        }
    }

    @Test func pagesSpeakTheBrowsersLanguageOrTheOneChosen() async throws {
        let fixture = try ConsoleFixture()
        let browser = Browser()
        try await fixture.server().application(port: 0).test(.router) { client in
            try await browser.logIn(client)
            let japanese = try await browser.request(client, "/members", headers: [.acceptLanguage: "ja,en;q=0.5"])
            #expect(japanese.text.contains("<html lang=\"ja\">"))
            #expect(japanese.text.contains("会員ランク"))
            let chinese = try await browser.request(client, "/members", headers: [.acceptLanguage: "zh-TW,zh;q=0.9"])
            #expect(chinese.text.contains("會員等級"))
            let chosen = try await browser.request(client, "/months?lang=zh-Hant", headers: [.acceptLanguage: "ja"])
            #expect(chosen.text.contains("月報表"))
            #expect(chosen.headers[values: .setCookie].contains { $0.hasPrefix("airlock_lang=zh-Hant;") })
            let later = try await browser.request(client, "/", headers: [.acceptLanguage: "ja"])
            #expect(later.text.contains("總覽"))
            #expect(later.text.contains("href=\"/?lang=en\""))
            let english = try await browser.request(client, "/?lang=en")
            #expect(english.text.contains("Dashboard"))
        }
    }

    @Test func unknownPagesAreNotFoundPages() async throws {
        let fixture = try ConsoleFixture()
        let browser = Browser()
        try await fixture.server().application(port: 0).test(.router) { client in
            try await browser.logIn(client)
            let response = try await browser.request(client, "/nowhere")
            #expect(response.status == .notFound)
            #expect(response.text.contains("There is no such page."))
        }
    }
}
