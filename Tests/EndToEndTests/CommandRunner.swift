import TestSupport

/// The archive tests' shorthand for running the built executables (see `Executable`).
struct CommandRunner {
    typealias Result = Executable.Result

    /// Runs `airlock-unpack` with `arguments` and waits for it.
    func unpack(_ arguments: String...) throws -> Result { try Executable("airlock-unpack").run(arguments) }

    /// Runs one of the package's executables with `arguments` and waits for it.
    func run(_ tool: String, _ arguments: [String]) throws -> Result { try Executable(tool).run(arguments) }
}
