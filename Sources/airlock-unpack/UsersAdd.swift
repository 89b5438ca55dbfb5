import AirlockCLI
import ArchiveStore
import ArgumentParser
import Console

extension AirlockUnpack {
    struct UsersAdd: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a console user.",
            discussion: """
                The password comes from --password-file, the AIRLOCK_PASSWORD environment variable, or a prompt
                (asked twice); at least \(ConsoleUsers.minimumPasswordLength) characters. It is stored only as an
                Argon2id hash (libsodium's crypto_pwhash_str, 256 MiB).
                """)

        @Argument(help: ArgumentHelp("1 to 32 letters, digits, '.', '_' or '-'.", valueName: "name"))
        var name: String

        @OptionGroup var store: StoreOptions
        @OptionGroup var password: PasswordOptions

        func validate() throws {
            if !ConsoleUsers.isValidName(name) { throw ValidationError(ConsoleError.badUserName(name).description) }
        }

        func run() throws {
            try Report.running("airlock-unpack") {
                let archive = try store.open()
                let secret = try password.password(for: name)
                let user = try ConsoleUsers(store: archive.layout).add(name, password: secret)
                try archive.recordEvent(.consoleUserAdded, details: ["user": user.name])
                print("added console user \(user.name)")
            }
        }
    }
}
