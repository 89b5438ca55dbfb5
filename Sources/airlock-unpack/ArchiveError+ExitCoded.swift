public import AirlockCLI
public import ArchiveStore

/// The archive's errors end commands with the documented exit codes (`Spec/exit-codes.md`).
extension ArchiveError: ExitCoded {
    public var exit: AirlockExit {
        switch self {
        case .storeExists: .cannotCreate
        case .notAStore, .newerStore: .noInput
        case let .bundleRejected(_, error): error.exit
        case .untrustedSigner: .untrustedSigner
        case .fork, .brokenLink, .gap: .chainRejected
        case .wrongOfflineKey: .keyProblem
        case .trust: .badInput
        case .badQuery: .usage
        case .database, .io: .ioError
        }
    }
}
