import ArchiveStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Console

@Suite struct RouteTests {
    static let securityHeaders: [(String, String)] = [
        ("Content-Security-Policy", "default-src 'self'"), ("X-Frame-Options", "DENY"),
        ("Referrer-Policy", "no-referrer"), ("X-Content-Type-Options", "nosniff"), ("Cache-Control", "no-store"),
    ]

    static func expectSecurityHeaders(_ response: TestResponse, _ path: String) {
        for (name, value) in securityHeaders {
            #expect(response.headers[HTTPField.Name(name)!]?.contains(value) == true, "\(name) on \(path)")
        }
    }

    @Test func everyResponseCarriesTheSecurityHeaders() async throws {
        let fixture = try ConsoleFixture()
        let browser = Browser()
        try await fixture.server().application(port: 0).test(.router) { client in
            for path in ["/login", "/static/console.css", "/", "/nowhere"] {
                Self.expectSecurityHeaders(try await client.execute(uri: path, method: .get), path)
            }
            try await browser.logIn(client)
            for path in PageTests.pages {
                Self.expectSecurityHeaders(try await browser.request(client, path), path)
            }
        }
    }

    @Test func pagesUseNoScriptAndNoOutsideAsset() async throws {
        let fixture = try ConsoleFixture()
        let browser = Browser()
        try await fixture.server().application(port: 0).test(.router) { client in
            let css = try await client.execute(uri: "/static/console.css", method: .get)
            #expect(css.status == .ok)
            #expect(css.headers[.contentType] == "text/css; charset=utf-8")
            #expect(!css.text.contains("url("))
            try await browser.logIn(client)
            for path in [
                "/", "/members", "/members/M001", "/orders", "/orders/O-1001", "/months", "/search?q=x", "/login",
            ] {
                let text = try await browser.request(client, path).text
                #expect(!text.contains("<script"), "\(path)")
                #expect(!text.contains("http://") && !text.contains("https://"), "\(path)")
                #expect(!text.contains("style="), "\(path)")
            }
        }
    }

    @Test func onlyLoginAndLogoutTakePOSTAndNothingElseChangesAnything() async throws {
        let fixture = try ConsoleFixture()
        let browser = Browser()
        let archive = fixture.archive
        let before = try archive.auditLog().count
        try await fixture.server().application(port: 0).test(.router) { client in
            try await browser.logIn(client)
            let paths = [
                "/", "/members", "/members/M001", "/members.csv", "/orders", "/orders/O-1001", "/orders.csv",
                "/months", "/search", "/static/console.css",
            ]
            for path in paths {
                for method in [HTTPRequest.Method.post, .put, .delete, .patch] {
                    let response = try await browser.request(client, path, method: method, form: [])
                    #expect(response.status == .notFound, "\(method) \(path)")
                }
            }
            #expect(try await browser.request(client, "/").status == .ok)
        }
        #expect(try archive.auditLog().count == before)
        #expect(try archive.recordCounts() == (members: 4, orders: 3))
    }

    @Test(arguments: [
        ("127.0.0.1:8080", true), ("localhost", true), ("[::1]:8080", true), ("LOCALHOST:1", true),
        ("evil.example", false), ("evil.example:8080", false), ("127.0.0.1.evil.example", false),
        ("192.168.1.10:8080", false), ("[::1", false), ("", false),
    ])
    func onlyTheLoopbackHostsAreServed(authority: String, served: Bool) {
        // A raw request with a foreign Host header is sent to the running server in ConsoleCommandTests.
        let host = SecurityMiddleware.hostName(authority)
        #expect(host.map { SecurityMiddleware.loopbackHosts.contains($0.lowercased()) } ?? false == served)
    }

    @Test func theServerListensOnTheLoopbackInterfaceOnly() async throws {
        let fixture = try ConsoleFixture()
        let app = try fixture.server().application(port: 0)
        #expect(app.configuration.address == .hostname("127.0.0.1", port: 0))
        try await app.test(.live) { client in
            let response = try await client.execute(uri: "/login", method: .get)
            #expect(response.status == .ok)
            Self.expectSecurityHeaders(response, "/login (live)")
        }
    }
}
