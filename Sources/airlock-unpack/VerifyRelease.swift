import AirlockCLI
import AirlockFormat
import ArchiveStore
import ArgumentParser
import SodiumKit

extension AirlockUnpack {
    struct VerifyRelease: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify-release",
            abstract: "Check an Airlock release folder before installing it: signature, then every file's SHA-256.",
            discussion: """
                Checks DIR/SHA256SUMS.sig against a trusted packer key (--signer packer.pub, or the trust list \
                of an archive with --store, read without opening the archive), then every file of DIR against \
                DIR/SHA256SUMS, and that DIR holds no file the list does not name. Nothing is installed or \
                changed. Run it with the airlock-unpack already installed, so that a tampered release cannot \
                vouch for itself (Spec/release.md).

                Exit codes: 0 the release is intact and signed by a trusted key; 10 altered or damaged; 12 \
                signed by a key that is not trusted; 66 a file is missing.

                Example: airlock-unpack verify-release airlock-0.1.0-linux-x86_64 --store /srv/airlock/archive
                """)

        @Argument(help: ArgumentHelp("The unpacked release folder.", valueName: "dir"))
        var directory: String

        @Option(name: .customLong("signer"), help: ArgumentHelp("A trusted packer public key (repeatable).", valueName: "packer.pub"))
        var signers: [String] = []

        @Option(name: .customLong("store"), help: ArgumentHelp("Trust the packer keys on this archive's trust list.", valueName: "dir"))
        var store: String?

        @Flag(name: .customLong("checksums-only"), help: "Check the files against SHA256SUMS without a signature (first install only).")
        var checksumsOnly = false

        func validate() throws {
            if checksumsOnly && (store != nil || !signers.isEmpty) {
                throw ValidationError("--checksums-only checks no signature: drop --signer and --store, or drop it")
            }
            if !checksumsOnly && store == nil && signers.isEmpty {
                throw ValidationError("give the packer's public key with --signer packer.pub, or an archive with --store DIR")
            }
        }

        func run() throws {
            try Report.running("airlock-unpack") {
                var trusted: [SigningPublicKey]?
                if !checksumsOnly {
                    var keys = try signers.map { path throws(KeyFileError) in try KeyLoading.packerPublicKey(path) }
                    if let store { keys += try ArchiveStore.TrustList.read(storeAt: store).keys }
                    trusted = keys
                }
                let result = try ReleaseFolder.verify(directory: directory, trusting: trusted)
                if let signer = result.signer {
                    print("release \(directory) verified: signed by packer key \(signer); all \(result.fileCount) files match SHA256SUMS")
                } else {
                    print("release \(directory): all \(result.fileCount) files match SHA256SUMS (no signature checked)")
                }
            }
        }
    }
}
