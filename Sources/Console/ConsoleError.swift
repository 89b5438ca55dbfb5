/// Why a console operation failed. Cases carry staff user names and paths, never a password and never a
/// customer's data.
public enum ConsoleError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A user name outside the allowed characters or length.
    case badUserName(String)
    /// `users add` for a name that exists.
    case userExists(String)
    /// `users remove` for a name that does not exist.
    case noSuchUser(String)
    /// A password shorter than the minimum.
    case weakPassword(minimum: Int)
    /// The users file cannot be read, parsed or written.
    case usersFile(path: String, reason: String)
    /// `serve` on a store without console users.
    case noUsers(store: String)
    /// Hashing a password failed (not enough memory for Argon2id).
    case hashingFailed
    /// An export could not be written (its temporary file).
    case export(reason: String)

    public var description: String {
        switch self {
        case let .badUserName(name):
            "'\(name)' cannot be a user name: use 1 to 32 letters, digits, '.', '_' or '-'"
        case let .userExists(name):
            "user '\(name)' already exists; remove it first to set a new password"
        case let .noSuchUser(name):
            "there is no console user '\(name)'; 'airlock-unpack users list' shows them"
        case let .weakPassword(minimum):
            "the password is too short: use at least \(minimum) characters"
        case let .usersFile(path, reason):
            "\(path): \(reason)"
        case let .noUsers(store):
            "the archive \(store) has no console users yet; add one with "
                + "'airlock-unpack users add NAME --store \(store)'"
        case .hashingFailed:
            "hashing the password failed (Argon2id needs 256 MiB of memory); close other programs and try again"
        case let .export(reason):
            "the export failed: \(reason)"
        }
    }
}
