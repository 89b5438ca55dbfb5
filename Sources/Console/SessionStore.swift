import AirlockFormat
import Foundation
import SodiumKit
import Synchronization

/// The console's sessions, in memory only: a restart signs everyone out.
///
/// A session token is 32 random bytes (64 hex digits) given to the browser in an HttpOnly cookie; the store keys
/// sessions by the token's BLAKE2b hash, so looking one up compares hashes, not the secret. A session ends after
/// ``idleTimeout`` without a request, at logout, or when its user is removed.
final class SessionStore: Sendable {
    /// One signed-in browser.
    struct Session: Sendable, Equatable {
        /// The staff user's name.
        var user: String
        /// The token the session's POST forms (logout) must carry.
        var csrfToken: String
        /// The last request's time.
        var lastSeen: Date
    }

    let idleTimeout: TimeInterval
    private let clock: @Sendable () -> Date
    private let sessions = Mutex<[String: Session]>([:])

    init(idleTimeout: TimeInterval, clock: @escaping @Sendable () -> Date) {
        self.idleTimeout = idleTimeout
        self.clock = clock
    }

    /// Starts a session for `user` and returns its token (for the cookie) and the session.
    func create(user: String) -> (token: String, session: Session) {
        let token = Hex.encode(Random.bytes(32))
        let now = clock()
        let session = Session(user: user, csrfToken: Hex.encode(Random.bytes(32)), lastSeen: now)
        sessions.withLock { sessions in
            sessions = sessions.filter { now.timeIntervalSince($0.value.lastSeen) < idleTimeout }
            sessions[Self.key(token)] = session
        }
        return (token, session)
    }

    /// The live session of `token`, its idle time restarted; nil (and the session forgotten) when it expired.
    func session(for token: String) -> Session? {
        guard token.utf8.count == 64 else { return nil }
        let now = clock()
        let key = Self.key(token)
        return sessions.withLock { sessions in
            guard var session = sessions[key] else { return nil }
            guard now.timeIntervalSince(session.lastSeen) < idleTimeout else {
                sessions[key] = nil
                return nil
            }
            session.lastSeen = now
            sessions[key] = session
            return session
        }
    }

    /// Ends the session of `token`, if any.
    func end(token: String) {
        let key = Self.key(token)
        sessions.withLock { $0[key] = nil }
    }

    /// Ends every session of `user` (a removed user).
    func end(user: String) {
        sessions.withLock { sessions in sessions = sessions.filter { $0.value.user != user } }
    }

    /// How many sessions are live (for tests).
    var count: Int {
        let now = clock()
        return sessions.withLock { $0.values.filter { now.timeIntervalSince($0.lastSeen) < idleTimeout }.count }
    }

    private static func key(_ token: String) -> String { Hex.encode(BLAKE2b.hash(Array(token.utf8), outputLength: 32)) }
}
