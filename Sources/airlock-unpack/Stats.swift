import AirlockCLI
import ArchiveStore
import ArgumentParser
import Foundation

extension AirlockUnpack {
    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Per month: orders completed, and members and orders new and changed.",
            discussion: """
                Completed orders count by the month their completed_at value names; new and changed records by
                the month of the bundle that brought them.

                Example: airlock-unpack stats --store /srv/airlock/archive --json
                """)

        @OptionGroup var store: StoreOptions

        @Flag(help: "Print the table as JSON on stdout.")
        var json = false

        func run() throws {
            try Report.running("airlock-unpack") {
                let months = try store.open().stats()
                if json {
                    Report.json(months)
                    return
                }
                print("month    orders_completed  orders_new  orders_changed  members_new  members_changed")
                for month in months {
                    print(month.month.padding(toLength: 9, withPad: " ", startingAt: 0)
                        + [month.ordersCompleted, month.ordersNew, month.ordersChanged, month.membersNew, month.membersChanged]
                        .enumerated().map { index, value in
                            let width = [16, 10, 14, 11, 15][index]
                            let text = String(value)
                            return String(repeating: " ", count: max(0, width - text.count)) + text
                        }.joined(separator: "  "))
                }
            }
        }
    }
}
