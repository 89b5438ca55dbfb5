import AirlockCLI
import ArchiveStore
import ArgumentParser
import Console

extension AirlockUnpack {
    struct UsersList: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the console users.")

        @OptionGroup var store: StoreOptions

        @Flag(help: "Print the users as JSON on stdout.")
        var json = false

        func run() throws {
            try Report.running("airlock-unpack") {
                let users = try ConsoleUsers(store: store.open().layout).list()
                if json {
                    Report.json(users)
                    return
                }
                for user in users { print("\(user.name)  added \(user.createdAt)") }
                if users.isEmpty { Report.note("no console users; add one with 'airlock-unpack users add NAME'") }
            }
        }
    }
}
