public import AirlockFormat

/// Why an archive operation failed. Cases carry paths, chain ids, sequence numbers, key ids and SQLite's own
/// messages (which name tables and columns, never values): never a member's or an order's content, never a key.
public enum ArchiveError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `init` found something at the store path already.
    case storeExists(path: String)
    /// The folder is not an Airlock archive (or lacks one of its parts).
    case notAStore(path: String, reason: String)
    /// A bundle failed the format's acceptance steps (parse, signature, decryption, manifest).
    case bundleRejected(path: String, FormatError)
    /// The bundle is signed by a key that is not on the store's trust list.
    case untrustedSigner(path: String, keyID: KeyID)
    /// Another bundle already holds this chain position: the packer's history diverged.
    case fork(path: String, chain: String, sequence: UInt64)
    /// The bundle's previous hash does not name the archived bundle before it.
    case brokenLink(path: String, chain: String, sequence: UInt64)
    /// Bundles before this one in its chain were never imported.
    case gap(path: String, chain: String, sequence: UInt64, missing: ClosedRange<UInt64>)
    /// The offline key given is not the one this store was created with.
    case wrongOfflineKey(expected: String, found: String)
    /// A trust-list change that cannot be made.
    case trust(String)
    /// A search that cannot be run (e.g. a phone number with too few digits).
    case badQuery(String)
    /// SQLite refused an operation; the message names tables and constraints, not values.
    case database(String)
    /// A file or folder of the store could not be read or written.
    case io(path: String, reason: String)
    /// A newer release has migrated the store's schema beyond what this one knows; nothing was changed.
    case newerStore(path: String, migrations: [String])

    /// The stable, machine-readable reason written to the audit log and `--json` output.
    public var code: String {
        switch self {
        case .storeExists: "store-exists"
        case .notAStore: "not-a-store"
        case let .bundleRejected(_, error): error.code
        case .untrustedSigner: "untrusted-signer"
        case .fork: "fork"
        case .brokenLink: "broken-link"
        case .gap: "gap"
        case .wrongOfflineKey: "wrong-offline-key"
        case .trust: "trust"
        case .badQuery: "bad-query"
        case .database: "database"
        case .io: "io"
        case .newerStore: "newer-store"
        }
    }

    public var description: String {
        switch self {
        case let .storeExists(path):
            "\(path) already exists; 'init' never reuses a folder: choose a new --store path"
        case let .notAStore(path, reason):
            "\(path) is not an Airlock archive (\(reason)); create one with 'airlock-unpack init' or check --store"
        case let .bundleRejected(path, error):
            "\(path): \(error.description)"
        case let .untrustedSigner(path, keyID):
            "\(path): signed by key \(keyID), which is not on this archive's trust list; "
                + "if the key is genuine, add it with 'airlock-unpack trust add KEY.pub'"
        case let .fork(path, chain, sequence):
            "\(path): FORK in chain \(chain): the archive already holds a different bundle \(sequence); "
                + "the online server's history diverged: do not import, investigate the packer"
        case let .brokenLink(path, chain, sequence):
            "\(path): bundle \(sequence) of chain \(chain) does not link to the archived bundle \(sequence - 1) "
                + "(its previous hash differs): treated as a fork; investigate the packer"
        case let .gap(path, chain, sequence, missing):
            "\(path): bundle \(sequence) of chain \(chain) cannot be imported yet: missing "
                + (missing.count == 1 ? "bundle \(missing.lowerBound)" : "bundles \(missing.lowerBound)…\(missing.upperBound)")
                + "; import those first (several bundles given at once are imported in order)"
        case let .wrongOfflineKey(expected, found):
            "this archive was created for offline key \(expected), but key \(found) was given; use the store's key"
        case let .trust(reason):
            "trust list: \(reason)"
        case let .badQuery(reason):
            "cannot search: \(reason)"
        case let .database(message):
            "the archive database refused the operation (\(message)); nothing was changed; run 'airlock-unpack check'"
        case let .io(path, reason):
            "\(path): \(reason)"
        case let .newerStore(path, migrations):
            "\(path) was upgraded by a newer airlock-unpack (schema \(migrations.joined(separator: ", ")) unknown to this "
                + "version); nothing was changed: install that release or a later one (see 'airlock-unpack --version')"
        }
    }
}
