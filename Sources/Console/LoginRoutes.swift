import AirlockFormat
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import SodiumKit

/// Signing in and out: the only POST routes.
///
/// The login form's CSRF token is a random value kept in a cookie and repeated in the form (double submit):
/// another site can neither read the cookie nor guess the value, and SameSite=Strict keeps the cookie off its
/// requests anyway. Logout carries the session's own token. Both also refuse a cross-site `Origin` or
/// `Sec-Fetch-Site`.
extension ConsoleServer {
    /// The largest login or logout form read.
    static let maxFormBytes = 16 * 1024

    /// `GET /login`: the form (or the dashboard, for a signed-in browser).
    func loginPage(_ request: Request, _ context: ConsoleContext) -> Response {
        if context.session != nil { return Reply.redirect("/") }
        let query = FormFields(request.uri.query ?? "")
        let t = context.strings
        var message: (text: String, info: Bool)?
        if query["expired"] != nil { message = (t.sessionEnded, false) }
        if query["out"] != nil { message = (t.loggedOut, true) }
        return loginForm(request, context, next: query["next"], message: message, status: .ok)
    }

    /// `POST /login`: checks the CSRF token, the lockout and the password; starts a session.
    func logIn(_ request: Request, _ context: ConsoleContext) async throws -> Response {
        let t = context.strings
        let form = try await Self.readForm(request)
        let next = form["next"].flatMap { Reply.isLocalPath($0) ? $0 : nil }
        guard Self.isSameOrigin(request), let cookie = request.cookies[ConsoleCookie.login]?.value,
            let sent = form["csrf"], Self.tokensMatch(cookie, sent)
        else {
            return loginForm(request, context, next: next, message: (t.formExpired, false), status: .forbidden)
        }
        let name = form["user"]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let password = form["password"] ?? ""
        if let until = throttle.lockedUntil(name) {
            return locked(request, context, until: until, next: next)
        }
        guard !name.isEmpty, !password.isEmpty, password.utf8.count <= 1024 else {
            return loginForm(request, context, next: next, message: (t.loginFailed, false), status: .unauthorized)
        }
        let secret = SecureBytes(copying: Array(password.utf8))
        let users = self.users
        let dummyHash = self.dummyHash
        let verified = await onPasswordQueue { users.verify(name, password: secret, dummyHash: dummyHash) }
        guard let user = verified else {
            // Only real user names are logged: a name field sometimes receives a password by mistake.
            let known = users.exists(name)
            logger.notice("login failed\(known ? " for user \(name)" : " (unknown user name)")")
            if let until = throttle.recordFailure(name) {
                let whom = known ? " for user \(name)" : ""
                logger.notice("login locked for \(Int(settings.lockout / 60)) minutes\(whom)")
                return locked(request, context, until: until, next: next)
            }
            return loginForm(request, context, next: next, message: (t.loginFailed, false), status: .unauthorized)
        }
        throttle.recordSuccess(name)
        let (token, _) = sessions.create(user: user)
        logger.notice("user \(user) signed in")
        var response = Reply.redirect(next ?? "/")
        response.headers.append(ConsoleCookie.set(ConsoleCookie.session, token))
        response.headers.append(ConsoleCookie.clear(ConsoleCookie.login))
        return response
    }

    /// `POST /logout`: ends the session when the form carries its token.
    func logOut(_ request: Request, _ context: ConsoleContext) async throws -> Response {
        let form = try await Self.readForm(request)
        guard Self.isSameOrigin(request), let session = context.session, let token = context.sessionToken,
            let sent = form["csrf"], Self.tokensMatch(session.csrfToken, sent)
        else {
            return errorPage(request, context, status: .forbidden)
        }
        sessions.end(token: token)
        logger.notice("user \(session.user) signed out")
        var response = Reply.redirect("/login?out=1")
        response.headers.append(ConsoleCookie.clear(ConsoleCookie.session))
        return response
    }

    private func locked(_ request: Request, _ context: ConsoleContext, until: Date, next: String?) -> Response {
        let minutes = max(1, Int((until.timeIntervalSince(settings.clock()) / 60).rounded(.up)))
        let message = (context.strings.lockedOut(minutes), false)
        return loginForm(request, context, next: next, message: message, status: .tooManyRequests)
    }

    /// The login form with a fresh CSRF token in a cookie and a hidden field.
    private func loginForm(
        _ request: Request, _ context: ConsoleContext, next: String?, message: (text: String, info: Bool)?,
        status: HTTPResponse.Status
    ) -> Response {
        let t = context.strings
        let token = Hex.encode(Random.bytes(32))
        let note: HTML =
            message.map { "<p class=\"message\($0.info ? " info" : "")\" role=\"status\">\($0.text)</p>" }
            ?? .empty
        let nextField: HTML =
            next.flatMap { Reply.isLocalPath($0) ? $0 : nil }
            .map { "<input type=\"hidden\" name=\"next\" value=\"\($0)\">" } ?? .empty
        let content: HTML = """
            \(note)
            <form class="login" method="post" action="/login">
            <input type="hidden" name="csrf" value="\(token)">
            \(nextField)
            <label>\(t.userName)<input name="user" autocomplete="username" required autofocus maxlength="32"></label>
            <label>\(t.password)<input name="password" type="password" autocomplete="current-password" required></label>
            <button type="submit">\(t.logIn)</button>
            </form>
            <p class="muted">\(t.loopbackNote)</p>
            """
        var response = Reply.html(Layout.page(t.logInTitle, page(request, context), content), status: status)
        response.headers.append(ConsoleCookie.set(ConsoleCookie.login, token))
        return response
    }

    /// The form fields of a POST body (at most ``maxFormBytes``).
    static func readForm(_ request: Request) async throws -> FormFields {
        var request = request
        let body = try await request.collectBody(upTo: maxFormBytes)
        return FormFields(String(buffer: body))
    }

    /// False when the browser says the form came from another site (`Origin`, `Sec-Fetch-Site`).
    static func isSameOrigin(_ request: Request) -> Bool {
        if let site = request.headers[HTTPField.Name("Sec-Fetch-Site")!], site != "same-origin", site != "none" {
            return false
        }
        if let origin = request.headers[.origin] {
            guard origin.hasPrefix("http://"),
                let host = SecurityMiddleware.hostName(String(origin.dropFirst("http://".count))),
                SecurityMiddleware.loopbackHosts.contains(host.lowercased())
            else { return false }
        }
        return true
    }

    /// Compares two tokens in constant time.
    static func tokensMatch(_ expected: String, _ sent: String) -> Bool {
        let left = Array(expected.utf8), right = Array(sent.utf8)
        return left.count == 64 && left.count == right.count && constantTimeEquals(left, right)
    }
}
