import AirlockCLI
import AirlockFormat
import ArchiveStore
import ArgumentParser

extension AirlockUnpack {
    struct TrustAdd: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Trust a packer public key.",
            discussion: "Check the printed key id with the online server's operator before importing its bundles.")

        @Argument(help: ArgumentHelp("The packer's public key file.", valueName: "packer.pub"))
        var key: String

        @OptionGroup var store: StoreOptions

        func run() throws {
            try Report.running("airlock-unpack") {
                let publicKey = try KeyLoading.packerPublicKey(key)
                if try store.open().trust(publicKey) {
                    print("trusted packer key \(KeyID(publicKey))")
                } else {
                    print("packer key \(KeyID(publicKey)) was already trusted; nothing changed")
                }
            }
        }
    }
}
