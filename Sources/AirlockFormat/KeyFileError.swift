/// Why a key file could not be read or written. Never carries key material or passphrases.
public enum KeyFileError: Error, Equatable, Sendable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case malformed(path: String, reason: String)
    case wrongKind(path: String, expected: String, found: String)
    case tooOpen(path: String, mode: UInt32)
    case wrongPassphrase(path: String)
    case passphraseRequired(path: String)
    case edited(path: String)
    case unsupportedParameters(path: String, reason: String)

    public var description: String {
        switch self {
        case let .unreadable(path, reason):
            "\(path): cannot read the key file (\(reason))"
        case let .malformed(path, reason):
            "\(path): not a valid Airlock key file (\(reason)); check you gave the right file"
        case let .wrongKind(path, expected, found):
            "\(path): this is a '\(found)' key, but a '\(expected)' key is needed here"
        case let .tooOpen(path, mode):
            "\(path): the secret key file is readable by others (mode \(String(mode, radix: 8))); run 'chmod 600 \(path)'"
        case let .wrongPassphrase(path):
            "\(path): wrong passphrase (or the key file was damaged); try again"
        case let .passphraseRequired(path):
            "\(path): the key is protected by a passphrase; give it at the prompt, with --passphrase-file or in AIRLOCK_PASSPHRASE"
        case let .edited(path):
            "\(path): the key file was edited or damaged (its public and secret halves no longer match)"
        case let .unsupportedParameters(path, reason):
            "\(path): the key file asks for unsupported parameters (\(reason))"
        }
    }
}
