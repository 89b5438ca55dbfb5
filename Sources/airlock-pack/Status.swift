import AirlockCLI
import Foundation
import ArgumentParser
import PackKit

extension AirlockPack {
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the bundles sent, confirmed and waiting for a receipt, oldest first.",
            discussion: """
                A bundle that is 'sent' but not 'confirmed' is data at risk: the online server holds the only \
                copy until the offline host imports it and its receipt comes back.

                Example: airlock-pack status --state /var/lib/airlock --json
                """)

        @Option(help: ArgumentHelp("The state folder used by 'pack'.", valueName: "dir"))
        var state: String

        @Flag(help: "Print the list as JSON on stdout.")
        var json = false

        func run() throws {
            try Report.running("airlock-pack") {
                let store = try PackState(directory: state)
                let entries = try store.entries()
                let chain = try store.chain()
                if json {
                    Report.json(StatusReport(chain: chain, bundles: entries))
                    return
                }
                print("chain \(chain.chainID), last sequence \(chain.lastSequence)")
                if entries.isEmpty { print("no bundle sent yet") }
                for entry in entries {
                    let waiting = entry.status == .sent ? "  ← waiting for a receipt: data at risk" : ""
                    print("\(PackState.name(entry.sequence))  \(entry.status.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0))"
                        + "  \(entry.createdAt)  \(entry.members) members, \(entry.orders) orders\(waiting)")
                }
                let atRisk = entries.filter { $0.status == .sent }
                if !atRisk.isEmpty {
                    Report.note("\(atRisk.count) bundle(s) not yet confirmed: import them offline and run 'airlock-pack confirm RECEIPT'")
                }
            }
        }
    }

    struct StatusReport: Encodable {
        var chain: ChainState
        var bundles: [BundleEntry]
    }
}
