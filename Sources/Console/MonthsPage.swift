import ArchiveStore
import Hummingbird

extension ConsoleServer {
    /// `GET /months`: per month, orders completed, new and changed, and members new and changed, with totals.
    func monthsPage(_ request: Request, _ context: ConsoleContext) throws -> Response {
        let page = page(request, context)
        let t = page.strings
        let months = try archive.stats().reversed()
        func cells(_ values: [Int]) -> HTML { values.map { "<td class=\"num\">\($0)</td>" }.joined() }
        let rows: [HTML] = months.map { month in
            """
            <tr><th scope="row">\(month.month)</th>\(cells([month.ordersCompleted, month.ordersNew, month.ordersChanged,
                month.membersNew, month.membersChanged]))</tr>
            """
        }
        let totals = cells([
            months.map(\.ordersCompleted).reduce(0, +), months.map(\.ordersNew).reduce(0, +),
            months.map(\.ordersChanged).reduce(0, +), months.map(\.membersNew).reduce(0, +),
            months.map(\.membersChanged).reduce(0, +),
        ])
        let content: HTML = """
            <table><thead><tr><th>\(t.month)</th><th class="num">\(t.ordersCompleted)</th>
            <th class="num">\(t.ordersNew)</th><th class="num">\(t.ordersChanged)</th>
            <th class="num">\(t.membersNew)</th><th class="num">\(t.membersChanged)</th></tr></thead>
            <tbody>\(rows)</tbody>
            <tfoot><tr><th scope="row">\(t.total)</th>\(totals)</tr></tfoot></table>
            <p class="note">\(t.monthsNote)</p>
            """
        return Reply.html(Layout.page(t.months, page, active: "months", content))
    }
}
