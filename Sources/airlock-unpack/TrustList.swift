import AirlockCLI
import AirlockFormat
import ArchiveStore
import ArgumentParser

extension AirlockUnpack {
    struct TrustList: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "Print the trusted packer keys' fingerprints (key ids).")

        @OptionGroup var store: StoreOptions

        func run() throws {
            try Report.running("airlock-unpack") {
                let list = try store.open().trustList()
                if list.keys.isEmpty { Report.note("no trusted packer key: every bundle will be refused") }
                for key in list.keys { print("\(KeyID(key))  \(PublicKeyText.line(packer: key))") }
            }
        }
    }
}
