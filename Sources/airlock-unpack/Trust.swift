import ArgumentParser

extension AirlockUnpack {
    struct Trust: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List, add or remove the packer keys this archive accepts bundles from.",
            discussion: """
                Every change is recorded in the audit log. Removing a key refuses its future bundles; bundles it
                signed stay archived and 'check' still verifies them.

                Example: airlock-unpack trust add new-packer.pub --store /srv/airlock/archive
                """,
            subcommands: [TrustList.self, TrustAdd.self, TrustRemove.self],
            defaultSubcommand: TrustList.self)
    }
}
