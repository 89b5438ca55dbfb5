import AirlockFormat
public import ArchiveStore
import Dispatch
import Foundation
public import Hummingbird
import Logging
import NIOCore
import SodiumKit

/// The offline back office in a browser (`airlock-unpack serve`): read-only HTML pages over one archive, for
/// staff who sign in with a console user (``ConsoleUsers``).
///
/// It listens on 127.0.0.1 only. Every route but the login page and the stylesheet needs a session; the only
/// POST routes are login and logout, both with a CSRF token; nothing changes a record. Exports are recorded in
/// the archive's audit log with the user's name.
public struct ConsoleServer: Sendable {
    let archive: Archive
    let users: ConsoleUsers
    let settings: ConsoleSettings
    let sessions: SessionStore
    let throttle: LoginThrottle
    /// Unknown user names are checked against this, so a login takes as long whether or not the name exists.
    let dummyHash: String
    /// Password checks run one at a time on their own queue: Argon2id blocks a thread and takes 256 MiB.
    private let passwordQueue = DispatchQueue(label: "airlock-console-passwords")
    let logger: Logger

    /// A console over `archive`, whose users are `users`.
    /// - Throws: ``ConsoleError/hashingFailed`` when the dummy hash cannot be made.
    public init(archive: Archive, users: ConsoleUsers, settings: ConsoleSettings = ConsoleSettings())
        throws(ConsoleError)
    {
        self.archive = archive
        self.users = users
        self.settings = settings
        sessions = SessionStore(idleTimeout: settings.idleTimeout, clock: settings.clock)
        throttle = LoginThrottle(maxFailures: settings.maxFailures, lockout: settings.lockout, clock: settings.clock)
        do {
            dummyHash = try Argon2id.hashPassword(
                SecureBytes.random(count: 32), opsLimit: settings.dummyHashLimits.opsLimit,
                memLimit: settings.dummyHashLimits.memLimit)
        } catch {
            throw .hashingFailed
        }
        var logger = Logger(label: "airlock-console")
        logger.logLevel = settings.logLevel
        self.logger = logger
    }

    /// The web application, bound to `127.0.0.1:port` (0: any free port).
    ///
    /// - Parameter onRunning: called with the port once the server listens.
    public func application(port: Int, onRunning: @escaping @Sendable (Int) -> Void = { _ in })
        -> Application<RouterResponder<ConsoleContext>>
    {
        Application(
            router: router(),
            configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "airlock-console"),
            onServerRunning: { channel in onRunning(channel.localAddress?.port ?? port) },
            logger: logger)
    }

    /// Serves until SIGINT or SIGTERM, then finishes the requests under way.
    ///
    /// - Parameter onRunning: called with the port once the server listens.
    public func run(port: Int, onRunning: @escaping @Sendable (Int) -> Void = { _ in }) async throws {
        try await application(port: port, onRunning: onRunning).runService()
    }

    /// The routes: `GET` pages, and `POST` only for login and logout.
    func router() -> Router<ConsoleContext> {
        let router = Router(context: ConsoleContext.self)
        router.add(middleware: SecurityMiddleware())
        router.add(middleware: SessionMiddleware(server: self))
        router.get("/static/console.css") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: Stylesheet.css)))
        }
        router.get("/favicon.ico") { _, _ in Response(status: .noContent) }
        router.get("/login") { request, context in self.loginPage(request, context) }
        router.post("/login") { request, context in try await self.logIn(request, context) }
        router.post("/logout") { request, context in try await self.logOut(request, context) }
        router.get("/") { request, context in try self.dashboard(request, context) }
        router.get("/members") { request, context in try self.memberList(request, context) }
        router.get("/members.csv") { request, context in try await self.export(.member, request, context) }
        router.get("/members/{key}") { request, context in try self.memberPage(request, context) }
        router.get("/orders") { request, context in try self.orderList(request, context) }
        router.get("/orders.csv") { request, context in try await self.export(.order, request, context) }
        router.get("/orders/{key}") { request, context in try self.orderPage(request, context) }
        router.get("/months") { request, context in try self.monthsPage(request, context) }
        router.get("/search") { request, context in try self.search(request, context) }
        return router
    }

    /// The page frame's context for a request.
    func page(_ request: Request, _ context: ConsoleContext) -> PageContext {
        PageContext(request, context, timeZone: settings.timeZone)
    }

    /// Runs blocking work (Argon2id) on the password queue, off Swift's cooperative threads.
    func onPasswordQueue<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            passwordQueue.async { continuation.resume(returning: work()) }
        }
    }

    /// Runs blocking work (a long archive read) on a global queue, off Swift's cooperative threads.
    func offloaded<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
        }
    }
}
