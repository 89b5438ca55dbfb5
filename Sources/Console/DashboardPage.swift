import ArchiveStore
import Foundation
import Hummingbird

extension ConsoleServer {
    /// `GET /`: members and orders new and changed today, this month and in total; the last imports; rejections.
    func dashboard(_ request: Request, _ context: ConsoleContext) throws -> Response {
        let page = page(request, context)
        let t = page.strings
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = settings.timeZone
        let now = settings.clock()
        let dayStart = calendar.startOfDay(for: now)
        let dayEnd = calendar.date(byAdding: .day, value: 1, to: dayStart) ?? now
        let monthStart = calendar.date(from: calendar.dateComponents([.year, .month], from: now)) ?? dayStart
        let monthEnd = calendar.date(byAdding: .month, value: 1, to: monthStart) ?? dayEnd
        let today = try archive.arrivals(importedFrom: dayStart, to: dayEnd)
        let month = try archive.arrivals(importedFrom: monthStart, to: monthEnd)
        let totals = try archive.recordCounts()
        let bundles = Array(try archive.bundles().suffix(10).reversed())
        let rejections = try archive.recentAuditEntries([.rejected], limit: 10)

        func card(_ title: String, total: Int, today: (Int, Int), month: (Int, Int), list: String) -> HTML {
            """
            <section class="card"><h2><a href="\(list)">\(title)</a></h2>
            <table><thead><tr><th></th><th class="num">\(t.new)</th><th class="num">\(t.changed)</th></tr></thead>
            <tbody><tr><th scope="row">\(t.today)</th><td class="num">\(today.0)</td><td class="num">\(today.1)</td></tr>
            <tr><th scope="row">\(t.thisMonth)</th><td class="num">\(month.0)</td><td class="num">\(month.1)</td></tr>
            </tbody><tfoot><tr><th scope="row">\(t.total)</th><td class="num">\(total)</td><td></td></tr></tfoot></table>
            </section>
            """
        }
        let cards: HTML = """
            <div class="cards">
            \(card(t.members, total: totals.members, today: (today.membersNew, today.membersChanged),
                month: (month.membersNew, month.membersChanged), list: "/members"))
            \(card(t.orders, total: totals.orders, today: (today.ordersNew, today.ordersChanged),
                month: (month.ordersNew, month.ordersChanged), list: "/orders"))
            </div>
            <p class="note">\(t.arrivalsNote)</p>
            """

        let importRows: [HTML] = bundles.map { bundle in
            """
            <tr><td class="mono">\(Self.bundleName(chain: bundle.chain, sequence: bundle.sequence))</td>
            <td>\(page.localTime(bundle.importedAt))</td>
            <td>\(page.localTime(Date(timeIntervalSince1970: TimeInterval(bundle.createdAt))))</td>
            <td class="num">\(Int(bundle.members))</td><td class="num">\(Int(bundle.orders))</td>
            <td class="num">\(Int(bundle.newRecords))</td><td class="num">\(Int(bundle.changedRecords))</td>
            <td class="num">\(Int(bundle.unchangedRecords))</td></tr>
            """
        }
        let imports: HTML =
            bundles.isEmpty
            ? "<p class=\"muted\">\(t.noImports)</p>"
            : """
            <table><thead><tr><th>\(t.bundle)</th><th>\(t.importedAt)</th><th>\(t.madeAt)</th>
            <th class="num">\(t.members)</th><th class="num">\(t.orders)</th><th class="num">\(t.new)</th>
            <th class="num">\(t.changed)</th><th class="num">\(t.unchanged)</th></tr></thead>
            <tbody>\(importRows)</tbody></table>
            """

        let rejectionRows: [HTML] = rejections.map { entry in
            let details = (try? JSONSerialization.jsonObject(with: Data(entry.details.utf8))) as? [String: Any] ?? [:]
            let bundle =
                (details["chain"] as? String).map { chain in
                    Self.bundleName(chain: chain, sequence: (details["sequence"] as? NSNumber)?.uint64Value ?? 0)
                } ?? ""
            return """
                <tr><td>\(page.localTime(entry.time))</td><td class="mono">\(details["file"] as? String ?? "")</td>
                <td class="mono">\(bundle)</td><td class="warn">\(details["reason"] as? String ?? "")</td></tr>
                """
        }
        let rejected: HTML =
            rejections.isEmpty
            ? "<p class=\"muted\">\(t.noRejections)</p>"
            : """
            <table><thead><tr><th>\(t.time)</th><th>\(t.file)</th><th>\(t.bundle)</th><th>\(t.reason)</th></tr>
            </thead><tbody>\(rejectionRows)</tbody></table>
            """

        let content: HTML = """
            \(cards)
            <h2>\(t.lastImports)</h2>
            \(imports)
            <h2>\(t.rejectedBundles)</h2>
            \(rejected)
            """
        return Reply.html(Layout.page(t.dashboard, page, active: "dashboard", content))
    }

    /// A bundle as staff read it: the chain's first 8 hex digits and the sequence, `1a2b3c4d #12`.
    static func bundleName(chain: String, sequence: UInt64) -> String {
        "\(chain.prefix(8)) #\(sequence)"
    }
}
