/// Why a release folder failed its checks (`Spec/release.md`). Cases carry paths relative to the release
/// folder and key ids, never file contents.
public enum ReleaseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A file of the release could not be read, or the folder could not be listed.
    case unreadable(path: String, reason: String)
    /// `SHA256SUMS` or `SHA256SUMS.sig` is not in the specified form.
    case malformed(path: String, reason: String)
    /// The signature was made by a key that is not trusted here.
    case untrustedSigner(keyID: KeyID)
    /// The signature does not verify over `SHA256SUMS`: the list was altered, or the signature belongs elsewhere.
    case badSignature(keyID: KeyID)
    /// A listed file's SHA-256 differs from the list.
    case checksumMismatch(path: String)
    /// A listed file is missing.
    case missingFile(path: String)
    /// A file in the folder is not on the list: nothing unlisted may ride along with a release.
    case unlistedFile(path: String)
    /// The folder holds a symbolic link or another non-regular entry, which a release never contains.
    case notRegularFile(path: String)
    /// The output file exists already (signing never replaces a signature).
    case exists(path: String)
    /// Writing the signature failed.
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case let .unreadable(path, reason):
            "\(path): cannot read (\(reason)); copy the whole release folder again"
        case let .malformed(path, reason):
            "\(path): not a valid Airlock release file (\(reason)); copy the release again from the online server"
        case let .untrustedSigner(keyID):
            "the release is signed by key \(keyID), which is not trusted here; check the key id with the online "
                + "server's operator, and give that packer.pub with --signer"
        case let .badSignature(keyID):
            "the signature by key \(keyID) does not match SHA256SUMS: the release was altered; do not install it"
        case let .checksumMismatch(path):
            "\(path): its SHA-256 differs from SHA256SUMS: the file was altered or damaged; do not install it"
        case let .missingFile(path):
            "\(path): listed in SHA256SUMS but missing; copy the whole release folder again"
        case let .unlistedFile(path):
            "\(path): not listed in SHA256SUMS; a release holds only listed files: do not install it"
        case let .notRegularFile(path):
            "\(path): a release holds only regular files and folders, not links or devices; do not install it"
        case let .exists(path):
            "\(path) already exists; signing never replaces a signature: remove it first if you mean to re-sign"
        case let .cannotWrite(path, reason):
            "\(path): cannot write (\(reason))"
        }
    }
}
