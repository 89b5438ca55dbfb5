public import ArgumentParser
import AirlockFormat

/// The arguments and body shared by both executables' `verify`: public keys only, nothing decrypted.
public struct VerifyArguments: ParsableArguments {
    @Argument(help: ArgumentHelp("The bundle file.", valueName: "bundle"))
    public var bundle: String

    @Option(name: .customLong("signer"), help: ArgumentHelp("A trusted packer public key (repeatable).", valueName: "packer.pub"))
    public var signers: [String] = []

    @Flag(help: "Print the result as JSON on stdout.")
    public var json = false

    public init() {}

    public func validate() throws {
        if signers.isEmpty { throw ValidationError("give the packer's public key with --signer packer.pub") }
    }

    /// Verifies the bundle against the packer keys and prints the result.
    public func run() throws {
        let trusted = try signers.map { path throws(KeyFileError) in try KeyLoading.packerPublicKey(path) }
        let verified = try BundleVerifier.verify(path: bundle, trustedSigners: trusted)
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
