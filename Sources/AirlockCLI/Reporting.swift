import ArgumentParser
import Foundation

/// Runs a command body and turns any error into one line on stderr and the documented exit code.
/// No stack traces, no partial output: outputs are written atomically by the libraries.
public enum Report {
    /// The tool's name for messages, e.g. `airlock-pack`.
    public static func running(_ tool: String, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as ExitCode {
            throw error
        } catch let error as any ExitCoded {
            fail(tool, error.description, error.exit)
        } catch let error as ValidationError {
            throw error
        } catch {
            fail(tool, "unexpected error: \(error)", .internalError)
        }
    }

    /// Prints `tool: error: message` to stderr and exits with `code`.
    public static func fail(_ tool: String, _ message: String, _ code: AirlockExit) -> Never {
        let line = message.replacingOccurrences(of: "\n", with: " ")
        fflush(nil)
        FileHandle.standardError.write(Data("\(tool): error: \(line)\n".utf8))
        Foundation.exit(code.rawValue)
    }

    /// A progress or summary line on stderr.
    public static func note(_ text: String) {
        // Keep stdout and stderr in order when both go to one terminal or file.
        fflush(nil)
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// A warning line on stderr.
    public static func warn(_ tool: String, _ text: String) {
        fflush(nil)
        FileHandle.standardError.write(Data("\(tool): warning: \(text)\n".utf8))
    }

    /// Prints a JSON value to stdout, keys sorted, pretty.
    public static func json(_ value: some Encodable) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        if let data = try? encoder.encode(value) {
            FileHandle.standardOutput.write(data)
            FileHandle.standardOutput.write(Data("\n".utf8))
        }
    }
}
