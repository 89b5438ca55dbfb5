import Console
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct LoginTests {
    @Test func aCorrectPasswordStartsASessionInAStrictHttpOnlyCookie() async throws {
        let fixture = try ConsoleFixture()
        let browser = Browser()
        try await fixture.server().application(port: 0).test(.router) { client in
            let page = try await browser.request(client, "/login")
            #expect(page.status == .ok)
            #expect(page.text.contains("<form class=\"login\" method=\"post\" action=\"/login\">"))
            let loginCookie = try #require(page.headers[values: .setCookie].first { $0.hasPrefix("airlock_login=") })
            #expect(
                loginCookie.contains("HttpOnly") && loginCookie.contains("SameSite=Strict")
                    && loginCookie.contains("Path=/"))

            let response = try await browser.logIn(client)
            #expect(response.status == .seeOther)
            #expect(response.location == "/")
            let session = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("airlock_session=") })
            #expect(session.contains("HttpOnly") && session.contains("SameSite=Strict") && session.contains("Path=/"))
            #expect(!session.contains("Secure"))
            #expect(browser.cookie("airlock_session")?.count == 64)
            #expect(browser.cookie("airlock_login") == nil)
            let dashboard = try await browser.request(client, "/")
            #expect(dashboard.status == .ok)
            #expect(dashboard.text.contains("hanako"))
        }
    }

    @Test(arguments: [
        ("hanako", "wrong password"), ("nobody", ConsoleFixture.password), ("", ""),
        ("HANAKO", ConsoleFixture.password),
    ])
    func aWrongUserOrPasswordIsRefused(user: String, password: String) async throws {
        let fixture = try ConsoleFixture()
        let browser = Browser()
        try await fixture.server().application(port: 0).test(.router) { client in
            let response = try await browser.logIn(client, user: user, password: password)
            #expect(response.status == .unauthorized)
            #expect(response.text.contains("Wrong user name or password."))
            #expect(browser.cookie("airlock_session") == nil)
            #expect(try await browser.request(client, "/").status == .seeOther)
        }
    }

    @Test func fiveFailuresLockTheNameForFifteenMinutes() async throws {
        let fixture = try ConsoleFixture()
        let clock = fixture.clock
        let browser = Browser()
        try await fixture.server().application(port: 0).test(.router) { client in
            for attempt in 1...5 {
                let response = try await browser.logIn(client, password: "wrong \(attempt)")
                #expect(response.status == (attempt < 5 ? .unauthorized : .tooManyRequests))
            }
            let locked = try await browser.logIn(client)
            #expect(locked.status == .tooManyRequests)
            #expect(locked.text.contains("locked for 15 minutes"))
            #expect(browser.cookie("airlock_session") == nil)
            // Another name is not locked.
            #expect(try await browser.logIn(client, user: "someone", password: "x").status == .unauthorized)
            clock.advance(minutes: 14)
            #expect(try await browser.logIn(client).status == .tooManyRequests)
            clock.advance(minutes: 1.1)
            let after = try await browser.logIn(client)
            #expect(after.status == .seeOther)
            #expect(browser.cookie("airlock_session") != nil)
        }
    }

    @Test func aLoginWithoutTheFormsTokenIsRefused() async throws {
        let fixture = try ConsoleFixture()
        let browser = Browser()
        try await fixture.server().application(port: 0).test(.router) { client in
            _ = try await browser.request(client, "/login")
            let form = [("user", ConsoleFixture.user), ("password", ConsoleFixture.password)]
            let missing = try await browser.request(client, "/login", method: .post, form: form)
            #expect(missing.status == .forbidden)
            _ = try await browser.request(client, "/login")
            let wrong = try await browser.request(
                client, "/login", method: .post, form: form + [("csrf", String(repeating: "a", count: 64))])
            #expect(wrong.status == .forbidden)
            // The right token but no cookie (another site's page cannot send it).
            let page = try await browser.request(client, "/login")
            let token = try #require(Browser.hiddenValue("csrf", in: page.text))
            browser.setCookie("airlock_login", nil)
            let noCookie = try await browser.request(client, "/login", method: .post, form: form + [("csrf", token)])
            #expect(noCookie.status == .forbidden)
            #expect(browser.cookie("airlock_session") == nil)
        }
    }

    @Test func aCrossSiteLoginIsRefusedEvenWithTheToken() async throws {
        let fixture = try ConsoleFixture()
        try await fixture.server().application(port: 0).test(.router) { client in
            for header in [("Origin", "http://evil.example"), ("Sec-Fetch-Site", "cross-site")] {
                let browser = Browser()
                let page = try await browser.request(client, "/login")
                let token = try #require(Browser.hiddenValue("csrf", in: page.text))
                let response = try await browser.request(
                    client, "/login", method: .post,
                    form: [("csrf", token), ("user", ConsoleFixture.user), ("password", ConsoleFixture.password)],
                    headers: [HTTPField.Name(header.0)!: header.1])
                #expect(response.status == .forbidden)
            }
            let browser = Browser()
            let page = try await browser.request(client, "/login")
            let token = try #require(Browser.hiddenValue("csrf", in: page.text))
            let sameOrigin = try await browser.request(
                client, "/login", method: .post,
                form: [("csrf", token), ("user", ConsoleFixture.user), ("password", ConsoleFixture.password)],
                headers: [.origin: "http://127.0.0.1:8080", HTTPField.Name("Sec-Fetch-Site")!: "same-origin"])
            #expect(sameOrigin.status == .seeOther)
        }
    }

    @Test func logoutNeedsTheSessionsTokenAndEndsTheSession() async throws {
        let fixture = try ConsoleFixture()
        let browser = Browser()
        try await fixture.server().application(port: 0).test(.router) { client in
            try await browser.logIn(client)
            let page = try await browser.request(client, "/")
            let token = try #require(Browser.hiddenValue("csrf", in: page.text))
            #expect(try await browser.request(client, "/logout", method: .post, form: []).status == .forbidden)
            #expect(
                try await browser.request(client, "/logout", method: .post, form: [("csrf", String(token.reversed()))])
                    .status == .forbidden)
            #expect(try await browser.request(client, "/").status == .ok)
            let session = try #require(browser.cookie("airlock_session"))
            let out = try await browser.request(client, "/logout", method: .post, form: [("csrf", token)])
            #expect(out.status == .seeOther)
            #expect(out.location == "/login?out=1")
            #expect(browser.cookie("airlock_session") == nil)
            // The old token no longer opens anything.
            browser.setCookie("airlock_session", session)
            #expect(try await browser.request(client, "/").location?.hasPrefix("/login") == true)
        }
    }

    @Test func aSessionEndsAfterFifteenIdleMinutes() async throws {
        let fixture = try ConsoleFixture()
        let clock = fixture.clock
        let browser = Browser()
        try await fixture.server().application(port: 0).test(.router) { client in
            try await browser.logIn(client)
            clock.advance(minutes: 14)
            #expect(try await browser.request(client, "/members").status == .ok)
            clock.advance(minutes: 14)
            #expect(try await browser.request(client, "/orders").status == .ok)
            clock.advance(minutes: 15.1)
            let expired = try await browser.request(client, "/orders?status=completed")
            #expect(expired.status == .seeOther)
            #expect(expired.location == "/login?next=%2Forders%3Fstatus%3Dcompleted&expired=1")
            #expect(browser.cookie("airlock_session") == nil)
            let login = try await browser.request(client, expired.location!)
            #expect(login.text.contains("Your session ended"))
        }
    }

    @Test func aLoginReturnsToThePageAskedForButNeverToAnotherSite() async throws {
        let fixture = try ConsoleFixture()
        try await fixture.server().application(port: 0).test(.router) { client in
            let browser = Browser()
            let first = try await browser.request(client, "/members?level=Gold")
            #expect(first.location == "/login?next=%2Fmembers%3Flevel%3DGold")
            #expect(try await browser.logIn(client, next: "/members?level=Gold").location == "/members?level=Gold")
            for next in ["//evil.example/", "http://evil.example/", "/\\evil.example"] {
                #expect(try await Browser().logIn(client, next: next).location == "/")
            }
        }
    }

    @Test func aRemovedUsersSessionEndsAtItsNextRequest() async throws {
        let fixture = try ConsoleFixture()
        let users = fixture.users
        let browser = Browser()
        try await fixture.server().application(port: 0).test(.router) { client in
            try await browser.logIn(client)
            #expect(try await browser.request(client, "/").status == .ok)
            try users.remove(ConsoleFixture.user)
            #expect(try await browser.request(client, "/").location?.hasPrefix("/login") == true)
        }
    }
}
