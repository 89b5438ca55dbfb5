import AirlockCLI
import ArchiveStore
import ArgumentParser
import Console

extension AirlockUnpack {
    struct UsersRemove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: "Remove a console user; a running console ends its sessions at their next request.")

        @Argument(help: ArgumentHelp("The user's name.", valueName: "name"))
        var name: String

        @OptionGroup var store: StoreOptions

        func run() throws {
            try Report.running("airlock-unpack") {
                let archive = try store.open()
                try ConsoleUsers(store: archive.layout).remove(name)
                try archive.recordEvent(.consoleUserRemoved, details: ["user": name])
                print("removed console user \(name)")
            }
        }
    }
}
