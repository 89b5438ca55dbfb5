import AirlockFormat

/// The shared body of both executables' `verify`: public keys only, nothing decrypted.
public enum VerifyCommandSupport {
    /// Verifies `bundle` against the packer keys in `signerFiles` and prints the result.
    public static func run(bundle: String, signerFiles: [String], json: Bool) throws {
        let signers = try signerFiles.map { path throws(KeyFileError) in try KeyLoading.packerPublicKey(path) }
        let verified = try BundleVerifier.verify(path: bundle, trustedSigners: signers)
        let summary = BundleSummary(
            path: bundle, header: verified.header, fileSize: verified.byteCount, bundleHash: verified.bundleHash,
            verified: true)
        if json {
            Report.json(summary)
        } else {
            print("OK: \(bundle) is intact and signed by trusted key \(verified.header.signerKeyID)")
            for line in summary.lines { print("  " + line) }
        }
    }
}
