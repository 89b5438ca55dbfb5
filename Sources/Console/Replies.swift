import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The console's cookies: all `Path=/; HttpOnly; SameSite=Strict`. `Secure` is left out because the console
/// speaks plain HTTP on the loopback interface, where browsers would drop a Secure cookie (`localhost` aside);
/// the cookies never leave the machine.
enum ConsoleCookie {
    /// The session token.
    static let session = "airlock_session"
    /// The login form's CSRF token, before there is a session.
    static let login = "airlock_login"
    /// The chosen language.
    static let language = "airlock_lang"

    /// A `Set-Cookie` field; `maxAge` 0 deletes the cookie, nil makes a browser-session cookie.
    static func set(_ name: String, _ value: String, maxAge: Int? = nil) -> HTTPField {
        var text = "\(name)=\(value); Path=/; HttpOnly; SameSite=Strict"
        if let maxAge { text += "; Max-Age=\(maxAge)" }
        return HTTPField(name: .setCookie, value: text)
    }

    /// A `Set-Cookie` field that deletes the cookie.
    static func clear(_ name: String) -> HTTPField { set(name, "", maxAge: 0) }
}

/// Building responses.
enum Reply {
    /// An HTML page.
    static func html(_ page: HTML, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: page.rendered)))
    }

    /// `303 See Other` to a path of this console.
    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    /// Plain text, for the few answers given before a page can be drawn (a wrong Host).
    static func text(_ text: String, status: HTTPResponse.Status) -> Response {
        Response(
            status: status, headers: [.contentType: "text/plain; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: text + "\n")))
    }

    /// Whether `next` is a path of this console that a login may return to: one leading `/`, no scheme, no
    /// backslash, no control characters (so never another site).
    static func isLocalPath(_ next: String) -> Bool {
        next.hasPrefix("/") && !next.hasPrefix("//") && !next.contains("\\")
            && !next.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } && next.utf8.count <= 2048
    }
}
