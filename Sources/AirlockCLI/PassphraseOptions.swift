public import ArgumentParser
public import SodiumKit
public import AirlockFormat
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where a secret key's passphrase comes from: `--passphrase-file`, `AIRLOCK_PASSPHRASE`, or a TTY prompt.
public struct PassphraseOptions: ParsableArguments {
    @Option(name: .customLong("passphrase-file"), help: ArgumentHelp(
        "Read the key's passphrase from the first line of this file.", valueName: "file"))
    public var passphraseFile: String?

    public init() {}

    /// The passphrase from the file, the environment, or a no-echo prompt on the terminal, in that order.
    public func passphrase(for keyPath: String, confirm: Bool = false) throws(KeyFileError) -> SecureBytes {
        if let passphraseFile {
            guard var data = FileManager.default.contents(atPath: passphraseFile).map(Array.init) else {
                throw .unreadable(path: passphraseFile, reason: "cannot read the passphrase file")
            }
            defer { wipe(&data) }
            let line = Array(data.prefix { $0 != 10 && $0 != 13 })
            guard !line.isEmpty else { throw .malformed(path: passphraseFile, reason: "the passphrase file is empty") }
            return SecureBytes(copying: line)
        }
        if let value = ProcessInfo.processInfo.environment["AIRLOCK_PASSPHRASE"], !value.isEmpty {
            return SecureBytes(copying: Array(value.utf8))
        }
        guard let first = TerminalPrompt.readSecret("Passphrase for \(keyPath): ") else {
            throw .passphraseRequired(path: keyPath)
        }
        if confirm {
            guard let second = TerminalPrompt.readSecret("Repeat the passphrase: ") else {
                throw .passphraseRequired(path: keyPath)
            }
            guard first.constantTimeEquals(second) else {
                throw .malformed(path: keyPath, reason: "the two passphrases differ; nothing was written")
            }
        }
        return first
    }
}

/// Reads a secret from the controlling terminal with echo off.
enum TerminalPrompt {
    /// Prompts only when standard input is a terminal, so scripts and cron jobs never block on a prompt.
    static func readSecret(_ prompt: String) -> SecureBytes? {
        guard isatty(STDIN_FILENO) == 1 else { return nil }
        let tty = open("/dev/tty", O_RDWR | O_NOCTTY)
        guard tty >= 0 else { return nil }
        defer { close(tty) }
        var saved = termios()
        guard tcgetattr(tty, &saved) == 0 else { return nil }
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        _ = prompt.withCString { Glibc.write(tty, $0, strlen($0)) }
        tcsetattr(tty, TCSAFLUSH, &silent)
        defer {
            tcsetattr(tty, TCSAFLUSH, &saved)
            _ = Glibc.write(tty, "\n", 1)
        }
        var buffer = [UInt8]()
        defer { wipe(&buffer) }
        var byte: UInt8 = 0
        while Glibc.read(tty, &byte, 1) == 1, byte != 10, byte != 13 { buffer.append(byte) }
        return buffer.isEmpty ? nil : SecureBytes(copying: buffer)
    }
}
