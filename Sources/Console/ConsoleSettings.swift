public import Foundation
public import Logging
import SodiumKit

/// How the console behaves; the defaults are the documented ones, tests change the clock and the limits.
public struct ConsoleSettings: Sendable {
    /// A session ends after this long without a request (15 minutes).
    public var idleTimeout: TimeInterval = 15 * 60
    /// This many failed logins for one user name within ``lockout`` lock the name (5).
    public var maxFailures = 5
    /// How long a locked user name stays locked, and the window failures are counted in (15 minutes).
    public var lockout: TimeInterval = 15 * 60
    /// Rows per page of the member and order lists.
    public var pageSize = 50
    /// The time zone of "today" and "this month" on the dashboard, and of times shown (the host's).
    public var timeZone: TimeZone = .current
    /// The time source.
    public var clock: @Sendable () -> Date = { Date() }
    /// Argon2id limits of the dummy hash that unknown user names are checked against; match `users add`'s.
    public var dummyHashLimits: (opsLimit: UInt64, memLimit: UInt64) = (
        Argon2id.moderateOpsLimit, Argon2id.moderateMemLimit
    )

    /// What the console logs to stderr: sign-ins, sign-outs, failures, lockouts and exports at `notice`;
    /// never a password, never a customer's data.
    public var logLevel: Logger.Level = .notice

    public init() {}
}
