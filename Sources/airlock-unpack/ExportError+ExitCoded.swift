public import AirlockCLI
public import ArchiveStore

/// Export errors end `export` with the documented exit codes (`Spec/exit-codes.md`).
extension ExportError: ExitCoded {
    public var exit: AirlockExit {
        switch self {
        case .outputExists, .cannotWrite: .cannotCreate
        case .unreadableInput: .noInput
        case .unusableProfile, .unusablePolicy, .unrepresentable, .needsRebuild: .badInput
        case .unsupportedEncoding: .usage
        case let .store(error): error.exit
        }
    }
}
