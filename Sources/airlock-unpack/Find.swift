import AirlockCLI
import AirlockFormat
import ArchiveStore
import ArgumentParser

extension AirlockUnpack {
    struct Find: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Look up members (with their orders) or orders (with their items) in the archive.",
            discussion: """
                Give exactly one key. E-mail and account match case-insensitively; phone numbers match by their
                digits whatever the separators, full-width digits or country code (+81 90-1234-5678 finds
                090-1234-5678); --name finds any part of a name (小村 finds 小村 亮子). Every version's values are
                indexed, so an old e-mail address still finds its member. Records show their current view:
                fields masked at the source keep their last real value.

                Example: airlock-unpack find --store /srv/airlock/archive --phone '+886 912 345 678' --history
                """)

        @OptionGroup var store: StoreOptions

        @Option(help: "E-mail address.") var email: String?
        @Option(help: "Account (login) name.") var account: String?
        @Option(name: .customLong("member"), help: "Member id (member_id).") var member: String?
        @Option(name: .customLong("order"), help: "Order number (order_no).") var order: String?
        @Option(help: "Phone number, in any common format.") var phone: String?
        @Option(help: "Any part of a name (kanji, kana, latin).") var name: String?

        @Flag(help: "Show every version of each record, with the bundle it came from.")
        var history = false

        @Option(help: "The most records to show.")
        var limit = 100

        @Flag(help: "Print the result as JSON on stdout.")
        var json = false

        var query: (LookupField, String)? {
            let given: [(LookupField, String?)] = [
                (.email, email), (.account, account), (.memberID, member), (.orderNo, order), (.phone, phone), (.name, name),
            ]
            let present = given.compactMap { field, value in value.map { (field, $0) } }
            return present.count == 1 ? present[0] : nil
        }

        func validate() throws {
            if query == nil { throw ValidationError("give exactly one of --email, --account, --member, --order, --phone, --name") }
            if limit < 1 { throw ValidationError("--limit must be at least 1") }
        }

        func run() throws {
            try Report.running("airlock-unpack") {
                guard let (field, value) = query else { return }
                let result = try store.open().find(field, value, limit: limit, history: history)
                if json {
                    Report.json(result)
                } else {
                    FindPrinter.print(result)
                }
                if result.members.isEmpty && result.orders.isEmpty { Report.note("no record matches") }
                if result.truncated { Report.note("more records match than --limit \(limit); narrow the search") }
            }
        }
    }
}
