public import ArgumentParser
import Foundation
public import SodiumKit

/// Where a console user's new password comes from: `--password-file`, `AIRLOCK_PASSWORD`, or a TTY prompt
/// (asked twice).
public struct PasswordOptions: ParsableArguments {
    @Option(
        name: .customLong("password-file"),
        help: ArgumentHelp(
            "Read the password from the first line of this file.", valueName: "file"))
    public var passwordFile: String?

    public init() {}

    /// The password from the file, the environment, or a no-echo prompt on the terminal, in that order.
    /// - Throws: `ValidationError` when none gives one, or the two typed passwords differ.
    public func password(for user: String) throws -> SecureBytes {
        if let passwordFile {
            guard var data = FileManager.default.contents(atPath: passwordFile).map(Array.init) else {
                throw ValidationError("cannot read the password file \(passwordFile)")
            }
            defer { wipe(&data) }
            let line = Array(data.prefix { $0 != 10 && $0 != 13 })
            guard !line.isEmpty else { throw ValidationError("the password file \(passwordFile) is empty") }
            return SecureBytes(copying: line)
        }
        if let value = ProcessInfo.processInfo.environment["AIRLOCK_PASSWORD"], !value.isEmpty {
            return SecureBytes(copying: Array(value.utf8))
        }
        guard let first = TerminalPrompt.readSecret("Password for \(user): ") else {
            throw ValidationError("no password: give --password-file, set AIRLOCK_PASSWORD, or run at a terminal")
        }
        guard let second = TerminalPrompt.readSecret("Repeat the password: "), first.constantTimeEquals(second) else {
            throw ValidationError("the two passwords differ; nothing was changed")
        }
        return first
    }
}
