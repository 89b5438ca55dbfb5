import AirlockCLI
import AirlockFormat
import ArchiveStore
import ArgumentParser

extension AirlockUnpack {
    struct TrustRemove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove", abstract: "Stop trusting a packer key, by its key id (see 'trust list').")

        @Argument(help: ArgumentHelp("The key id, e.g. 1a2b-3c4d-5e6f-7a8b.", valueName: "key-id"))
        var keyID: String

        @OptionGroup var store: StoreOptions

        func validate() throws {
            if KeyID(keyID) == nil { throw ValidationError("'\(keyID)' is not a key id (16 hex digits, dashes optional)") }
        }

        func run() throws {
            try Report.running("airlock-unpack") {
                guard let id = KeyID(keyID) else { return }
                try store.open().distrust(id)
                print("removed packer key \(id) from the trust list")
            }
        }
    }
}
