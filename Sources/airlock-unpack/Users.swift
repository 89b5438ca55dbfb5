import ArgumentParser

extension AirlockUnpack {
    struct Users: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List, add or remove the staff users of the back-office console ('serve').",
            discussion: """
                Users live in console-users.json inside the store folder (mode 0600), each with an Argon2id
                password hash; the archive's own tables are never touched. Adding and removing users is recorded
                in the audit log, and takes effect at once in a running console.

                Example: airlock-unpack users add hanako --store /srv/airlock/archive
                """,
            subcommands: [UsersList.self, UsersAdd.self, UsersRemove.self],
            defaultSubcommand: UsersList.self)
    }
}
