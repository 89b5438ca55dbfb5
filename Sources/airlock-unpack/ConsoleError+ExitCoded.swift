public import AirlockCLI
public import Console

/// The console's errors end commands with the documented exit codes (`Spec/exit-codes.md`).
extension ConsoleError: ExitCoded {
    public var exit: AirlockExit {
        switch self {
        case .badUserName, .userExists, .noSuchUser, .weakPassword, .noUsers: .usage
        case .usersFile, .export: .ioError
        case .hashingFailed: .internalError
        }
    }
}
