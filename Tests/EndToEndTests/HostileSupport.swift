import AirlockFormat
import Foundation
import SodiumKit
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// SplitMix64: a tiny seeded generator, so every "random" position, cut and kill moment is the same on every run
/// and a failure can be reproduced from its seed.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A built executable started with `posix_spawn`, so a test can SIGKILL it at a chosen moment and read its peak
/// resident set size from `wait4`'s `rusage` (exact, unlike sampling `/proc`). Output goes to files, never pipes.
final class Spawned {
    struct Outcome {
        /// The exit status, or nil when a signal ended the process.
        var status: Int32?
        /// The signal that ended the process, if any.
        var signal: Int32?
        /// Peak resident set size in KiB (`ru_maxrss`).
        var peakKiB: Int
        var stdout: String
        var stderr: String
    }

    let pid: pid_t
    private let outPath: String
    private let errPath: String

    /// Starts `tool` (an executable of this package) with `arguments`; `AIRLOCK_PASSPHRASE` is removed from the
    /// environment unless `environment` sets it.
    init(_ tool: String, _ arguments: [String], environment: [String: String] = [:]) throws {
        let base = NSTemporaryDirectory() + "/airlock-spawn-" + UUID().uuidString
        outPath = base + ".out"
        errPath = base + ".err"
        var env = ProcessInfo.processInfo.environment
        env["AIRLOCK_PASSPHRASE"] = nil
        for (key, value) in environment { env[key] = value }
        let path = Executable(tool).path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child: pid_t = 0
        let result = posix_spawn(&child, path, &actions, nil, argv, envp)
        guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EIO) }
        pid = child
    }

    deinit {
        unlink(outPath)
        unlink(errPath)
    }

    /// Sends SIGKILL (harmless if the process already ended but was not reaped yet).
    func kill() { _ = Glibc.kill(pid, SIGKILL) }

    /// Waits for the end and collects status, peak memory and output.
    func wait() -> Outcome {
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let exited = (status & 0x7F) == 0
        return Outcome(
            status: exited ? (status >> 8) & 0xFF : nil, signal: exited ? nil : status & 0x7F,
            peakKiB: Int(usage.ru_maxrss),
            stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
    }

    /// Runs to the end.
    static func run(_ tool: String, _ arguments: [String], environment: [String: String] = [:]) throws -> Outcome {
        try Spawned(tool, arguments, environment: environment).wait()
    }
}

/// A temporary folder with the fixture keys as files and an archive made by `airlock-unpack init`.
final class HostileStore {
    let directory = TemporaryDirectory("airlock-hostile")
    let offline = Fixtures.offline()
    let packer = Fixtures.packer()
    let unpack = Executable("airlock-unpack")
    var store: String { directory.file("store") }
    var keyPath: String { directory.file("offline.key") }
    var packerPub: String { directory.file("packer.pub") }

    init(storeName: String = "store") throws {
        try SecretKeyFile.write(offline, to: keyPath, protection: .none)
        directory.write(Array(PublicKeyText.file(packer: packer.publicKey).utf8), to: "packer.pub")
        directory.write(Array(PublicKeyText.file(offline.publicIdentity).utf8), to: "offline.pub")
        try SecretKeyFile.write(packer, to: directory.file("packer.key"), protection: .none)
        try initStore(at: store)
    }

    /// Makes a store with `airlock-unpack init` at `path`.
    func initStore(at path: String) throws {
        let result = try unpack.run(["init", "--store", path, "--key", keyPath, "--trust", packerPub])
        guard result.status == 0 else { throw CommandFailed(result: result) }
    }

    /// Writes one bundle of the fixture chain with `BundleWriter`.
    @discardableResult
    func bundle(
        named name: String, sequence: UInt64 = 1, previousHash: [UInt8] = Array(repeating: 0, count: 32),
        members: [ShopRecord], orders: [ShopRecord] = [], chain: [UInt8] = Fixtures.chainID,
        signer: PackerIdentity? = nil, recipients: [RecipientPublicKey]? = nil, chunkSize: UInt32 = 65536
    ) throws -> (path: String, hash: [UInt8]) {
        let path = directory.file(name)
        let written = try BundleWriter.write(
            path: path,
            parameters: BundleParameters(
                chainID: chain, sequence: sequence, previousHash: previousHash, createdAt: 1_764_000_000 + Int64(min(sequence, 1_000)),
                recipients: recipients ?? [offline.publicIdentity.recipient], chunkSize: chunkSize),
            signer: (signer ?? packer).signer, manifest: Fixtures.manifest(members: members, orders: orders),
            records: members + orders)
        return (path, written.bundleHash)
    }

    /// `airlock-unpack ARGS --store STORE`.
    func run(_ arguments: String..., store: String? = nil) throws -> Executable.Result {
        try run(arguments: arguments, store: store)
    }

    /// `airlock-unpack ARGUMENTS --store STORE`.
    func run(arguments: [String], store: String? = nil) throws -> Executable.Result {
        try unpack.run(arguments + ["--store", store ?? self.store])
    }
}

struct CommandFailed: Error, CustomStringConvertible {
    var result: Executable.Result
    var description: String { "exit \(result.status): \(result.stderr)" }
}

extension String {
    /// Lines of text, without a trailing empty one.
    var lines: [Substring] { split(separator: "\n", omittingEmptySubsequences: true) }
}
