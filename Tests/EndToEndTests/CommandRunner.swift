import Foundation

/// Runs the built executables, found in the build's bin folder next to the test bundle.
struct CommandRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The build's bin folder: where the test runner itself lives.
    static var binPath: String {
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        while url.pathComponents.count > 1,
            !FileManager.default.isExecutableFile(atPath: url.deletingLastPathComponent().appendingPathComponent("airlock-unpack").path)
        {
            url.deleteLastPathComponent()
        }
        return url.deletingLastPathComponent().path
    }

    /// Runs `airlock-unpack` with `arguments` and waits for it.
    func unpack(_ arguments: String...) throws -> Result { try run("airlock-unpack", arguments) }

    func run(_ tool: String, _ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binPath + "/" + tool)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "AIRLOCK_PASSPHRASE")
        process.environment = environment
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("airlock-e2e-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: output.path + ".out", contents: nil)
        _ = FileManager.default.createFile(atPath: output.path + ".err", contents: nil)
        defer {
            try? FileManager.default.removeItem(atPath: output.path + ".out")
            try? FileManager.default.removeItem(atPath: output.path + ".err")
        }
        // Files rather than pipes: a large output cannot block the child while the test waits.
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: output.path + ".out"))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: output.path + ".err"))
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Result(
            status: process.terminationStatus,
            stdout: (try? String(contentsOfFile: output.path + ".out", encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: output.path + ".err", encoding: .utf8)) ?? "")
    }
}
