import AirlockCLI
import ShopData
import AirlockFormat
import ArgumentParser
import Foundation
import PackKit

extension AirlockPack {
    struct Pack: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Seal the shop's member and order exports into the next bundle for the offline host.",
            discussion: """
                Reads the CSV exports as the shop wrote them (UTF-8 with or without BOM, CP932, Big5; layout \
                detected or given with --profile), seals the eligible records into one bundle in --out, and \
                writes the masked re-export of those rows to STATE/pending/. Nothing is released for upload \
                until 'airlock-pack confirm' receives the offline host's receipt.

                Eligible: members registered at least --member-min-age days ago; orders in a final status \
                (completed or cancelled, per profile) completed at least --order-min-age days ago (10: three \
                days of shipping and seven of cooling-off). The rest waits for a later run.

                Example:
                  airlock-pack pack --members members.csv --orders orders.csv \\
                      --to keys/offline.pub --key keys/packer.key --state /var/lib/airlock --out /media/usb
                """)

        @Option(help: ArgumentHelp("The members export.", valueName: "members.csv"))
        var members: String?

        @Option(help: ArgumentHelp("The orders export (one row per line item).", valueName: "orders.csv"))
        var orders: String?

        @OptionGroup var reading: ReadingOptions

        @Option(name: .customLong("to"), help: ArgumentHelp(
            "The offline host's public identity; repeat to add an escrow recipient.", valueName: "offline.pub"))
        var recipients: [String] = []

        @Option(help: ArgumentHelp("The packer's secret signing key.", valueName: "packer.key"))
        var key: String

        @Option(help: ArgumentHelp("The state folder: chain, bundle status, masked re-exports.", valueName: "dir"))
        var state: String

        @Option(help: ArgumentHelp("The folder the bundle is written to (for example the USB stick).", valueName: "dir"))
        var out: String

        @Option(name: .customLong("member-min-age"), help: ArgumentHelp("Days since registration before a member is sealed.", valueName: "days"))
        var memberMinAge = 0

        @Option(name: .customLong("order-min-age"), help: ArgumentHelp("Days since completion before an order is sealed.", valueName: "days"))
        var orderMinAge = 10

        @Option(name: .customLong("as-of"), help: ArgumentHelp(
            "Compute eligibility as of this day (YYYY-MM-DD, in the shop's time zone) instead of now.", valueName: "date"))
        var asOf: String?

        @Flag(help: "Print the summary as JSON on stdout.")
        var json = false

        @OptionGroup var passphrase: PassphraseOptions

        func validate() throws {
            if members == nil && orders == nil { throw ValidationError("give --members FILE, --orders FILE, or both") }
            if recipients.isEmpty { throw ValidationError("give the offline host's public identity with --to offline.pub") }
            if memberMinAge < 0 || orderMinAge < 0 { throw ValidationError("--member-min-age and --order-min-age are 0 or more days") }
            if let asOf, Self.noon(of: asOf, in: .current) == nil {
                throw ValidationError("--as-of takes a day as YYYY-MM-DD, not '\(asOf)'")
            }
        }

        /// Noon of a `YYYY-MM-DD` day in `zone`: eligibility counts whole calendar days, so any hour of the day works.
        static func noon(of text: String, in zone: TimeZone) -> Date? {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.dateFormat = "yyyy-MM-dd HH:mm"
            formatter.timeZone = zone
            return formatter.date(from: text + " 12:00")
        }

        func run() throws {
            try Report.running("airlock-pack") {
                let recipientKeys = try recipients.map { path in try KeyLoading.offlinePublicIdentity(path).recipient }
                let identity = try KeyLoading.packerIdentity(key, passphrase: passphrase)
                let profile = try reading.resolvedProfile()
                let now = asOf.flatMap { Self.noon(of: $0, in: profile?.timeZone ?? .current) } ?? Date()
                try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
                let request = PackRequest(
                    membersFile: members, ordersFile: orders, profile: profile, encoding: try reading.resolvedEncoding(),
                    policy: try reading.resolvedPolicy(), memberMinAgeDays: memberMinAge, orderMinAgeDays: orderMinAge,
                    now: now, recipients: recipientKeys, signer: identity.signer, outputDirectory: out,
                    packerName: "airlock-pack \(AirlockVersion.number)")
                let showProgress = isatty(STDERR_FILENO) == 1
                let summary = try PackPipeline.run(
                    request, state: try PackState(directory: state),
                    warn: { warning in Report.warn("airlock-pack", warning) },
                    progress: { pass, rows, total in
                        guard showProgress else { return }
                        let of = total.map { " of \($0)" } ?? ""
                        FileHandle.standardError.write(Data("\r\(pass): \(rows)\(of) rows…".utf8))
                    })
                if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
                guard let summary else {
                    Report.note("nothing is eligible yet: no bundle was written (see 'airlock-pack inspect' for the rows)")
                    return
                }
                if json { Report.json(summary) }
                summary.lines.forEach(Report.note)
            }
        }
    }
}
