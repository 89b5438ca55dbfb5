import ArgumentParser
public import AirlockFormat

/// The documented exit codes of both executables (`Spec/exit-codes.md`, README "Exit codes").
public enum AirlockExit: Int32, CaseIterable, Sendable {
    /// Success.
    case ok = 0
    /// An unexpected internal error: a bug; please report it.
    case internalError = 1
    /// `airlock-unpack check` found a problem in the archive.
    case checkFailed = 2
    /// A bundle failed verification: bad magic, tampering, truncation, bad signature, wrong recipient.
    case bundleRejected = 10
    /// A bundle does not fit the chain: a gap or a fork.
    case chainRejected = 11
    /// The bundle or receipt is signed by a key that is not trusted.
    case untrustedSigner = 12
    /// A receipt was refused, or names no bundle waiting here.
    case receiptRejected = 13
    /// The command line is wrong (argument-parser's `ValidationError`).
    case usage = 64
    /// Input data is wrong: CSV, profile, policy or key file content.
    case badInput = 65
    /// An input file is missing or unreadable.
    case noInput = 66
    /// An output file cannot be created (it may already exist).
    case cannotCreate = 73
    /// Reading or writing failed.
    case ioError = 74
    /// A key cannot be used: wrong passphrase, or the key file is readable by others.
    case keyProblem = 77

    /// One line for the README and `--help`.
    public var meaning: String {
        switch self {
        case .ok: "success"
        case .internalError: "unexpected internal error (a bug: please report it)"
        case .checkFailed: "the archive check found a problem"
        case .bundleRejected: "bundle rejected: damaged, altered, truncated, or not sealed to this host"
        case .chainRejected: "bundle rejected: a gap or a fork in its chain"
        case .untrustedSigner: "signed by a key that is not trusted"
        case .receiptRejected: "receipt rejected, or it matches no waiting bundle"
        case .usage: "wrong command line"
        case .badInput: "bad input data (CSV, profile, policy, key file)"
        case .noInput: "an input file is missing or unreadable"
        case .cannotCreate: "an output file cannot be created"
        case .ioError: "a read or write failed"
        case .keyProblem: "key unusable: wrong passphrase, or file readable by others"
        }
    }
}

/// Errors that know which documented exit code they end a command with.
public protocol ExitCoded: Error, CustomStringConvertible {
    var exit: AirlockExit { get }
}

extension FormatError: ExitCoded {
    public var exit: AirlockExit {
        switch self {
        case .unknownSigner: .untrustedSigner
        case let .io(_, reason) where reason.contains("already exists"): .cannotCreate
        case let .io(_, reason) where reason.hasPrefix("cannot open") || reason == "not a regular file": .noInput
        case .io: .ioError
        default: .bundleRejected
        }
    }
}

extension KeyFileError: ExitCoded {
    public var exit: AirlockExit {
        switch self {
        case .unreadable: .noInput
        case .malformed, .wrongKind, .edited, .unsupportedParameters: .badInput
        case .tooOpen, .wrongPassphrase, .passphraseRequired: .keyProblem
        }
    }
}

extension ReceiptError: ExitCoded {
    public var exit: AirlockExit {
        switch self {
        case .unknownSigner: .untrustedSigner
        case .malformed, .badSignature: .receiptRejected
        }
    }
}

/// An error raised by the commands themselves, with its exit code.
public struct CommandFailure: ExitCoded {
    public var exit: AirlockExit
    public var message: String

    public init(_ exit: AirlockExit, _ message: String) {
        self.exit = exit
        self.message = message
    }

    public var description: String { message }
}
