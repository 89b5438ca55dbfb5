public import AirlockCLI
import Foundation
import Masking
public import PackKit
public import ShopData

extension ShopDataError: ExitCoded {
    public var exit: AirlockExit {
        switch self {
        case let .io(_, operation, code) where operation == "open" && (code == ENOENT || code == EACCES): .noInput
        case .io: .ioError
        default: .badInput
        }
    }
}

extension PackKitError: ExitCoded {
    public var exit: AirlockExit {
        switch self {
        case .stateUnreadable: .ioError
        case .stateBusy: .cannotCreate
        case .chainMismatch, .unknownBundle, .receiptDoesNotMatch: .receiptRejected
        case .noEligibleRows, .inputChanged: .badInput
        case .noInput: .usage
        }
    }
}

/// A masking-policy error with the policy file it came from.
struct PolicyFileError: ExitCoded {
    var path: String
    var error: MaskingError
    public var exit: AirlockExit { .badInput }
    var description: String { "\(path): \(error.description); fix the policy file (see Spec/masking.md)" }
}
