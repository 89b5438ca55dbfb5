import AirlockFormat
import ArchiveStore
import Foundation
import Hummingbird

extension ConsoleServer {
    /// `GET /members`: the filtered, paged member list.
    func memberList(_ request: Request, _ context: ConsoleContext) throws -> Response {
        let page = page(request, context)
        let t = page.strings
        let columns: [(String, (CurrentRecord) -> HTML)] = [
            (t.label("member_id"), { "<a href=\"\(Self.recordPath(.member, $0.key))\">\($0.key)</a>" }),
            (t.label("name"), { "\($0[field: "name"] ?? "")" }),
            (t.label("account"), { "\($0[field: "account"] ?? "")" }),
            (t.label("email"), { "\($0[field: "email"] ?? "")" }),
            (t.label("phone"), { "\(Self.firstValue($0, ["phone", "mobile"]))" }),
            (t.label("level"), { "\($0[field: "level"] ?? "")" }),
            (t.label("gender"), { "\($0[field: "gender"] ?? "")" }),
            (t.label("registered_at"), { "\($0[field: "registered_at"] ?? "")" }),
        ]
        return try list(.member, request, page, title: t.members, dateLabel: t.registeredFrom, columns: columns)
    }

    /// `GET /orders`: the filtered, paged order list.
    func orderList(_ request: Request, _ context: ConsoleContext) throws -> Response {
        let page = page(request, context)
        let t = page.strings
        let columns: [(String, (CurrentRecord) -> HTML)] = [
            (t.label("order_no"), { "<a href=\"\(Self.recordPath(.order, $0.key))\">\($0.key)</a>" }),
            (t.label("ordered_at"), { "\($0[field: "ordered_at"] ?? "")" }),
            (t.label("status"), { "\($0[field: "status"] ?? "")" }),
            (t.purchaser, { "\($0[field: "purchaser_name"] ?? "")" }),
            (t.label("purchaser_email"), { "\($0[field: "purchaser_email"] ?? "")" }),
            (
                t.label("member_id"),
                { record in
                    guard let member = record[field: "member_id"], !member.isEmpty else { return .empty }
                    return "<a href=\"\(Self.recordPath(.member, member))\">\(member)</a>"
                }
            ),
            (t.label("total"), { "\($0[field: "total"] ?? "")" }),
            (t.label("completed_at"), { "\($0[field: "completed_at"] ?? "")" }),
        ]
        return try list(.order, request, page, title: t.orders, dateLabel: t.orderedFrom, columns: columns)
    }

    private func list(
        _ kind: ShopRecord.Kind, _ request: Request, _ page: PageContext, title: String, dateLabel: String,
        columns: [(String, (CurrentRecord) -> HTML)]
    ) throws -> Response {
        let t = page.strings
        let query = ListQuery(kind: kind, page.query)
        let size = settings.pageSize
        let result = try archive.records(matching: query.filter, offset: (query.page - 1) * size, limit: size)
        let pages = max(1, (result.total + size - 1) / size)
        let base = kind == .member ? "/members" : "/orders"

        var selects: [HTML] = []
        for field in ListQuery.choiceFields(kind) {
            let chosen = query.filter.equals[field]
            var values = try archive.distinctValues(of: field, kind: kind)
            if let chosen, !values.contains(chosen) { values.insert(chosen, at: 0) }
            let options: [HTML] = values.map { value in
                "<option value=\"\(value)\"\(value == chosen ? HTML(trusted: " selected") : .empty)>\(value)</option>"
            }
            selects.append(
                """
                <label>\(t.label(field))<select name="\(field)"><option value="">\(t.any)</option>\(options)</select></label>
                """)
        }
        let filters: HTML = """
            <form class="filters" method="get" action="\(base)">
            <label>\(t.keyword)<input type="search" name="q" value="\(query.filter.keyword)" placeholder="\(t.keywordHint)"></label>
            <label>\(dateLabel)<input type="date" name="from" value="\(query.filter.from ?? "")"></label>
            <label>\(t.through)<input type="date" name="through" value="\(query.filter.through ?? "")"></label>
            \(selects)
            <button type="submit">\(t.filter)</button>
            <a href="\(base)">\(t.clear)</a>
            </form>
            """
        let exportQuery = FormFields.query(query.items())
        let maskedQuery = FormFields.query(query.items() + [("masked", "1")])
        let actions: HTML = """
            <div class="actions"><strong>\(t.matches(result.total))</strong>
            <a class="button" href="\(base).csv\(exportQuery)">\(t.exportCSV)</a>
            <a class="button" href="\(base).csv\(maskedQuery)">\(t.exportMasked)</a>
            <span class="note">\(t.exportNote)</span></div>
            """
        let head: [HTML] = columns.map { "<th>\($0.0)</th>" }
        let rows: [HTML] = result.records.map { record in
            let cells: [HTML] = columns.map { "<td>\($0.1(record))</td>" }
            return "<tr>\(cells)</tr>"
        }
        let table: HTML =
            result.records.isEmpty
            ? "<p class=\"muted\">\(t.noMatches)</p>"
            : "<table><thead><tr>\(head)</tr></thead><tbody>\(rows)</tbody></table>"
        let previous: HTML =
            query.page > 1
            ? "<a href=\"\(base)\(FormFields.query(query.items(page: query.page - 1)))\" rel=\"prev\">\(t.previous)</a>"
            : .empty
        let next: HTML =
            query.page < pages
            ? "<a href=\"\(base)\(FormFields.query(query.items(page: query.page + 1)))\" rel=\"next\">\(t.next)</a>"
            : .empty
        let pager: HTML =
            "<nav class=\"pager\">\(previous)<span>\(t.page(min(query.page, pages), pages))</span>\(next)</nav>"
        let content: HTML = "\(filters)\(actions)\(table)\(pager)"
        return Reply.html(Layout.page(title, page, active: kind == .member ? "members" : "orders", content))
    }

    /// The page of a record: `/members/M001`, `/orders/O-1001` (the key percent-encoded).
    static func recordPath(_ kind: ShopRecord.Kind, _ key: String) -> String {
        (kind == .member ? "/members/" : "/orders/") + FormFields.encode(key)
    }

    /// The first non-empty value among `fields`.
    static func firstValue(_ record: CurrentRecord, _ fields: [String]) -> String {
        fields.lazy.compactMap { record[field: $0] }.first { !$0.isEmpty } ?? ""
    }
}
