import Foundation
import Synchronization

/// Locks a user name out after repeated failed logins: ``maxFailures`` failures within ``lockout`` lock the name
/// for ``lockout`` from the last failure; a successful login clears the count.
///
/// Names are counted whether or not such a user exists, so the lockout does not tell which names are real.
final class LoginThrottle: Sendable {
    private struct Record {
        var failures: [Date]
        var lockedUntil: Date?
    }

    let maxFailures: Int
    let lockout: TimeInterval
    private let clock: @Sendable () -> Date
    private let records = Mutex<[String: Record]>([:])

    init(maxFailures: Int, lockout: TimeInterval, clock: @escaping @Sendable () -> Date) {
        self.maxFailures = maxFailures
        self.lockout = lockout
        self.clock = clock
    }

    /// When the lockout of `name` ends, or nil when it may try to log in.
    func lockedUntil(_ name: String) -> Date? {
        let now = clock()
        return records.withLock { records in
            guard let until = records[Self.key(name)]?.lockedUntil, until > now else { return nil }
            return until
        }
    }

    /// Counts a failure; returns when the lockout ends if this failure started one.
    @discardableResult
    func recordFailure(_ name: String) -> Date? {
        let now = clock()
        return records.withLock { records in
            if records.count > 10_000 {
                // Bounded memory under a flood of invented names: forget records with nothing recent.
                records = records.filter { entry in
                    (entry.value.lockedUntil ?? .distantPast) > now
                        || entry.value.failures.contains { now.timeIntervalSince($0) < lockout }
                }
            }
            var record = records[Self.key(name)] ?? Record(failures: [], lockedUntil: nil)
            record.failures = record.failures.filter { now.timeIntervalSince($0) < lockout } + [now]
            if record.failures.count >= maxFailures {
                record.lockedUntil = now.addingTimeInterval(lockout)
                record.failures = []
            }
            records[Self.key(name)] = record
            return record.lockedUntil.flatMap { $0 > now ? $0 : nil }
        }
    }

    /// Clears the failures of `name` after a successful login.
    func recordSuccess(_ name: String) {
        records.withLock { $0[Self.key(name)] = nil }
    }

    private static func key(_ name: String) -> String { name.lowercased() }
}
