/// Why a bundle, key file or receipt was refused. Each case names a failure of the specification
/// (`Spec/bundle-format.md`, "Failures"); ``code`` is the stable label the test vectors use.
/// Cases carry positions and identifiers, never plaintext or key material.
public enum FormatError: Error, Equatable, Sendable, CustomStringConvertible {
    case badMagic
    case textModeDamage
    case unsupportedVersion(UInt16)
    case unsupportedSuite(UInt16)
    case nonCanonicalHeader(String)
    case limitExceeded(String)
    case truncated(String)
    case unknownSigner(KeyID)
    case badSignature
    case notARecipient
    case stanzaOpenFailed
    case keyCommitmentMismatch
    case chunkAuthenticationFailed(chunk: Int)
    case missingFinalChunk
    case dataAfterFinalChunk
    case payloadSizeExceeded(declared: UInt64)
    case payloadSizeMismatch(declared: UInt64, actual: UInt64)
    case decompressionFailed(String)
    case malformedPayload(String)
    case manifestMismatch(String)
    case changedDuringRead
    case io(path: String, reason: String)

    /// The stable, machine-readable failure label used in `Spec/vectors` and `--json` output.
    public var code: String {
        switch self {
        case .badMagic: "bad-magic"
        case .textModeDamage: "text-mode-damage"
        case .unsupportedVersion: "unsupported-version"
        case .unsupportedSuite: "unsupported-suite"
        case .nonCanonicalHeader: "non-canonical-header"
        case .limitExceeded: "limit-exceeded"
        case .truncated: "truncated"
        case .unknownSigner: "unknown-signer"
        case .badSignature: "bad-signature"
        case .notARecipient: "not-a-recipient"
        case .stanzaOpenFailed: "stanza-open-failed"
        case .keyCommitmentMismatch: "key-commitment-mismatch"
        case .chunkAuthenticationFailed: "chunk-authentication-failed"
        case .missingFinalChunk: "missing-final-chunk"
        case .dataAfterFinalChunk: "data-after-final-chunk"
        case .payloadSizeExceeded: "payload-size-exceeded"
        case .payloadSizeMismatch: "payload-size-mismatch"
        case .decompressionFailed: "decompression-failed"
        case .malformedPayload: "malformed-payload"
        case .manifestMismatch: "manifest-mismatch"
        case .changedDuringRead: "changed-during-read"
        case .io: "io"
        }
    }

    public var description: String {
        switch self {
        case .badMagic:
            "not an Airlock bundle (the file does not start with the Airlock magic); check that you picked the right file"
        case .textModeDamage:
            "the bundle was damaged by a text-mode transfer (line endings were converted); copy it again as a binary file"
        case let .unsupportedVersion(version):
            "bundle format version \(version) is not supported by this version of Airlock; upgrade the offline tools"
        case let .unsupportedSuite(suite):
            "cryptographic suite \(suite) is not supported; upgrade the offline tools"
        case let .nonCanonicalHeader(reason):
            "the bundle header is malformed (\(reason)); the file was altered or was not written by Airlock"
        case let .limitExceeded(what):
            "the bundle exceeds a limit: \(what); it was refused before reading further"
        case let .truncated(where_):
            "the bundle is truncated (\(where_)); copy it again from the online server"
        case let .unknownSigner(keyID):
            "the bundle is signed by key \(keyID), which is not trusted here; add the packer's public key to the trust list if it is genuine"
        case .badSignature:
            "the bundle's signature does not verify: the file was altered, truncated or extended after signing; do not import it"
        case .notARecipient:
            "the bundle was not sealed to this offline key; check that you use the right key for this shop"
        case .stanzaOpenFailed:
            "the file key sealed to this offline key cannot be opened: the bundle was altered or sealed to another key"
        case .keyCommitmentMismatch:
            "the file key does not match the bundle's key commitment: a recipient stanza was swapped or altered"
        case let .chunkAuthenticationFailed(chunk):
            "encrypted chunk \(chunk) does not authenticate: the payload was altered or reordered"
        case .missingFinalChunk:
            "the encrypted payload ends without its final chunk: the bundle was truncated"
        case .dataAfterFinalChunk:
            "data follows the final chunk of the encrypted payload: the bundle was extended"
        case let .payloadSizeExceeded(declared):
            "the payload decompresses to more than the \(declared) bytes its header declares; refused as a possible decompression bomb"
        case let .payloadSizeMismatch(declared, actual):
            "the payload decompressed to \(actual) bytes but its header declares \(declared)"
        case let .decompressionFailed(reason):
            "the payload cannot be decompressed (\(reason))"
        case let .malformedPayload(reason):
            "the decrypted payload is malformed (\(reason))"
        case let .manifestMismatch(reason):
            "the payload does not match its manifest (\(reason))"
        case .changedDuringRead:
            "the bundle file changed while it was being read; copy it to local disk and try again"
        case let .io(path, reason):
            "\(path): \(reason)"
        }
    }
}
