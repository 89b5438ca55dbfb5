import AirlockCLI
import AirlockFormat
import Foundation
import ArgumentParser
import PackKit

extension AirlockPack {
    struct Confirm: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Release a bundle's masked re-export once the offline host's receipt verifies.",
            discussion: """
                The offline host writes a signed receipt after it imports a bundle. Carry the receipt back and \
                run confirm: it checks the signature with offline.pub, checks that chain, sequence, bundle \
                hash and counts match what this server sealed, and only then moves the masked CSV from \
                STATE/pending/ to STATE/ready/, where it can be uploaded to the shop.

                Example: airlock-pack confirm 0123abcd-00000001.receipt --from keys/offline.pub --state /var/lib/airlock
                """)

        @Argument(help: ArgumentHelp("The receipt file from the offline host.", valueName: "receipt"))
        var receipt: String

        @Option(name: .customLong("from"), help: ArgumentHelp("The offline host's public identity.", valueName: "offline.pub"))
        var offlinePublicKey: String

        @Option(help: ArgumentHelp("The state folder used by 'pack'.", valueName: "dir"))
        var state: String

        func run() throws {
            try Report.running("airlock-pack") {
                let identity = try KeyLoading.offlinePublicIdentity(offlinePublicKey)
                guard let data = FileManager.default.contents(atPath: receipt) else {
                    throw CommandFailure(.noInput, "\(receipt): cannot read the receipt file; check the path")
                }
                let text = String(decoding: data, as: UTF8.self)
                let outcome = try ReceiptGate.confirm(
                    receiptText: text, source: receipt, offlineReceiptKey: identity.receiptSigner,
                    state: try PackState(directory: state))
                switch outcome {
                case let .released(sequence, folder, files):
                    print("bundle \(sequence) confirmed: the offline host holds its records")
                    print("masked re-export released to \(folder)/: \(files.joined(separator: ", "))")
                    print("upload those files to the shop to replace the personal data online")
                case let .alreadyConfirmed(sequence, folder):
                    print("bundle \(sequence) was already confirmed; its masked re-export is in \(folder)/")
                }
            }
        }
    }
}
