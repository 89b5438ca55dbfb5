import AirlockCLI
import ArchiveStore
import ArgumentParser
import Console
import Dispatch
import Synchronization

extension AirlockUnpack {
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The back office in a browser: a read-only console over the archive, on 127.0.0.1 only.",
            discussion: """
                Staff sign in with a console user ('airlock-unpack users add NAME'); pages show the dashboard,
                members, orders, the monthly table and a look-up box, and export filtered lists as CSV (recorded
                in the audit log). Nothing in the console changes a record. The console listens on the loopback
                interface only, over plain HTTP; stop it with Ctrl-C.

                Example: airlock-unpack serve --store /srv/airlock/archive --port 8080
                """)

        @OptionGroup var store: StoreOptions

        @Option(help: "The port on 127.0.0.1 (0: any free port, printed at start).")
        var port = 8080

        func validate() throws {
            if !(0...65535).contains(port) { throw ValidationError("--port must be between 0 and 65535") }
        }

        func run() throws {
            try Report.running("airlock-unpack") {
                let archive = try store.open()
                let users = ConsoleUsers(store: archive.layout)
                guard try !users.list().isEmpty else { throw ConsoleError.noUsers(store: archive.layout.root) }
                let server = try ConsoleServer(archive: archive, users: users)
                let port = self.port
                // The root command is synchronous: run the server's task and wait for it to end (SIGINT, SIGTERM).
                let outcome = ServeOutcome()
                Task {
                    do {
                        try await server.run(port: port) { port in
                            Report.note("airlock console: http://127.0.0.1:\(port)/ (Ctrl-C stops it)")
                        }
                    } catch { outcome.failure.withLock { $0 = String(describing: error) } }
                    outcome.done.signal()
                }
                outcome.done.wait()
                if let message = outcome.failure.withLock({ $0 }) { Report.fail("airlock-unpack", message, .ioError) }
            }
        }
    }
}

/// How the server task ended, handed from the task to the waiting command.
private final class ServeOutcome: Sendable {
    let failure = Mutex<String?>(nil)
    let done = DispatchSemaphore(value: 0)
}
