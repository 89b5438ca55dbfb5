import HTTPTypes
import Hummingbird
import Logging

/// Second on every request: picks the language, finds the session, sends requests without one to the login
/// page, and turns errors into pages that say nothing about the archive's content.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = ConsoleContext

    /// Paths served without a session.
    static let publicPaths: Set<String> = ["/login", "/static/console.css", "/favicon.ico"]

    let server: ConsoleServer

    func handle(_ request: Request, context: ConsoleContext, next: (Request, ConsoleContext) async throws -> Response)
        async throws -> Response
    {
        var context = context
        let query = FormFields(request.uri.query ?? "")
        if let code = query["lang"], let language = Language(code: code) {
            context.language = language
            context.languageChosen = true
        } else if let code = request.cookies[ConsoleCookie.language]?.value, let language = Language(code: code) {
            context.language = language
        } else if let language = Language.negotiate(request.headers[.acceptLanguage]) {
            context.language = language
        }

        let token = request.cookies[ConsoleCookie.session]?.value
        if let token, let session = server.sessions.session(for: token) {
            if server.users.exists(session.user) {
                context.session = session
                context.sessionToken = token
            } else {
                server.sessions.end(user: session.user)
            }
        }

        var response: Response
        let path = request.uri.path
        if context.session == nil && !Self.publicPaths.contains(path) {
            // A page asked for without a session: to the login page, which comes back here afterwards.
            let back = request.method == .get ? path + (request.uri.query.map { "?" + $0 } ?? "") : nil
            let query = FormFields.query([("next", back), ("expired", token == nil ? nil : "1")])
            response = Reply.redirect("/login" + query)
            if token != nil { response.headers.append(ConsoleCookie.clear(ConsoleCookie.session)) }
        } else {
            do {
                response = try await next(request, context)
            } catch let error as HTTPError where error.status == .notFound {
                response = server.errorPage(request, context, status: .notFound)
            } catch let error as HTTPError where error.status == .contentTooLarge {
                response = server.errorPage(request, context, status: .contentTooLarge)
            } catch {
                // The archive's errors name paths and tables, never record content; others are named by type only.
                server.logger.error("request failed: \(ConsoleServer.loggable(error))")
                response = server.errorPage(request, context, status: .internalServerError)
            }
        }
        if context.languageChosen {
            let year = 365 * 24 * 3600
            response.headers.append(ConsoleCookie.set(ConsoleCookie.language, context.language.rawValue, maxAge: year))
        }
        return response
    }
}
