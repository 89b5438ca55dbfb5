public import ArgumentParser
public import AirlockFormat
import SodiumKit
import Foundation

/// Options shared by both `keygen` commands.
public struct KeygenOptions: ParsableArguments {
    @Option(name: .customLong("out"), help: ArgumentHelp("Folder to write the key pair into (created if missing).", valueName: "dir"))
    public var outputDirectory: String

    @Flag(name: .customLong("no-passphrase"), help: "Store the secret key unencrypted (automation only; you will be warned).")
    public var noPassphrase = false

    @OptionGroup public var passphrase: PassphraseOptions

    public init() {}

    public func validate() throws {
        if noPassphrase && passphrase.passphraseFile != nil {
            throw ValidationError("--no-passphrase and --passphrase-file contradict each other; give one")
        }
    }

    /// Creates the folder (0700) and returns how the secret file will be protected.
    public func prepare(secretPath: String, tool: String) throws -> KeyProtection {
        try FileManager.default.createDirectory(
            atPath: outputDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        if noPassphrase {
            Report.warn(tool, "\(secretPath) is stored without a passphrase: anyone who can read the file can use the key")
            return .none
        }
        let secret = try passphrase.passphrase(for: secretPath, confirm: true)
        return .passphrase(secret, opsLimit: Argon2id.moderateOpsLimit, memLimit: Argon2id.moderateMemLimit)
    }
}
