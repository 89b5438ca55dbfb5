public import AirlockFormat

/// A release that fails its checks ends `verify-release` like a bundle that fails its own: 10 for altered or
/// damaged, 12 for a signer that is not trusted (`Spec/exit-codes.md`, `Spec/release.md`).
extension ReleaseError: ExitCoded {
    public var exit: AirlockExit {
        switch self {
        case .unreadable, .missingFile: .noInput
        case .malformed, .badSignature, .checksumMismatch, .unlistedFile, .notRegularFile: .bundleRejected
        case .untrustedSigner: .untrustedSigner
        case .exists: .cannotCreate
        case .cannotWrite: .ioError
        }
    }
}
