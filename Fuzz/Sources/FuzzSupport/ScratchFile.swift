public import Foundation

/// One temporary file per fuzzing process, rewritten for every input: the readers under test take paths.
public final class ScratchFile: Sendable {
    /// The file's URL.
    public let url: URL
    /// The file's path.
    public var path: String { url.path }

    /// A file named after the process and `name` in the temporary folder.
    public init(_ name: String) {
        // Memory-backed when possible: rewriting a file on ext4 costs milliseconds (truncation flushes on close).
        let environment = ProcessInfo.processInfo.environment
        let shm = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : nil
        let folder = environment["AIRLOCK_FUZZ_SCRATCH"] ?? shm ?? environment["TMPDIR"] ?? "/tmp"
        url = URL(fileURLWithPath: folder).appendingPathComponent("airlock-\(name)-\(getpid())")
    }

    /// Replaces the file's content with `bytes`.
    ///
    /// Plain `open`/`write`: Foundation's `Data.write(to:)` syncs the file, about 10 ms, 100 times the fuzzers' budget.
    public func store(_ bytes: [UInt8]) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else { fatalError("cannot open \(path): errno \(errno)") }
        defer { close(descriptor) }
        var done = 0
        while done < bytes.count {
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + done, bytes.count - done) }
            guard written > 0 || errno == EINTR else { fatalError("cannot write \(path): errno \(errno)") }
            done += max(written, 0)
        }
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// The fuzzer's input as an array.
public func fuzzInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> [UInt8] {
    guard let start, count > 0 else { return [] }
    return Array(UnsafeRawBufferPointer(start: start, count: count))
}

/// When `AIRLOCK_FUZZ_WRITE_SEEDS` names a folder, calls `write` with it and exits: how the generated seeds of
/// `Fuzz/corpus` were made (`Fuzz/run.sh seeds`). Otherwise does nothing.
public func writeSeedsIfAsked(_ write: (URL) throws -> Void) {
    guard let folder = ProcessInfo.processInfo.environment["AIRLOCK_FUZZ_WRITE_SEEDS"] else { return }
    let url = URL(fileURLWithPath: folder)
    do {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try write(url)
    } catch {
        fatalError("writing seeds to \(folder): \(error)")
    }
    exit(0)
}

/// Writes `bytes` as `name` into `folder`.
public func writeSeed(_ bytes: [UInt8], named name: String, in folder: URL) throws {
    try Data(bytes).write(to: folder.appendingPathComponent(name))
}

/// Stops with `message` when a property the fuzzer checks does not hold (unlike `precondition`, the message
/// survives `-O`, so the crash report says which property failed).
public func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError("fuzz property failed: " + message()) }
}
