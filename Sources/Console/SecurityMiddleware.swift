import HTTPTypes
import Hummingbird

/// First on every request: refuses a `Host` that is not the loopback interface (a DNS-rebinding page would send
/// its own host name), and adds the security headers to every response, error pages included.
struct SecurityMiddleware: RouterMiddleware {
    typealias Context = ConsoleContext

    /// The host names a browser on this machine uses for the console.
    static let loopbackHosts: Set<String> = ["127.0.0.1", "localhost", "::1"]

    /// The headers every response carries: no framing, no referrer, no sniffing, no caching of personal data,
    /// and a policy that allows only this console's own stylesheet (no scripts exist).
    static let headers: [(HTTPField.Name, String)] = [
        (
            .contentSecurityPolicy,
            "default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'; "
                + "form-action 'self'; frame-ancestors 'none'"
        ),
        (HTTPField.Name("X-Frame-Options")!, "DENY"),
        (HTTPField.Name("Referrer-Policy")!, "no-referrer"),
        (.xContentTypeOptions, "nosniff"),
        (.cacheControl, "no-store"),
        (HTTPField.Name("Cross-Origin-Opener-Policy")!, "same-origin"),
        (.crossOriginResourcePolicy, "same-origin"),
        (HTTPField.Name("Permissions-Policy")!, "camera=(), microphone=(), geolocation=(), interest-cohort=()"),
    ]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        var response: Response
        // HTTP/1.1's `Host` header arrives as the request's authority.
        if let host = Self.hostName(request.head.authority), Self.loopbackHosts.contains(host.lowercased()) {
            response = try await next(request, context)
        } else {
            response = Reply.text("this console answers only to 127.0.0.1 or localhost", status: .misdirectedRequest)
        }
        for (name, value) in Self.headers { response.headers[name] = value }
        return response
    }

    /// The host name of an authority (`127.0.0.1:8080`, `[::1]:8080`, `localhost`), without port or brackets.
    static func hostName(_ authority: String?) -> String? {
        guard let authority, !authority.isEmpty else { return nil }
        if authority.hasPrefix("[") {
            guard let end = authority.firstIndex(of: "]") else { return nil }
            return String(authority[authority.index(after: authority.startIndex)..<end])
        }
        return String(authority.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)[0])
    }
}
