import AirlockFormat
import ArchiveStore
import Hummingbird

extension ConsoleServer {
    /// `GET /search?q=…`: the look-up box. An order number, a member id, an e-mail address, a phone number, an
    /// account or part of a name, normalised as `find` does; one match goes straight to its page, several are
    /// listed.
    func search(_ request: Request, _ context: ConsoleContext) throws -> Response {
        let page = page(request, context)
        let t = page.strings
        let text = page.query.trimmed("q") ?? ""
        var found: [CurrentRecord] = []
        var seen = Set<String>()
        if !text.isEmpty {
            for field in Self.searchOrder(text) {
                guard let result = try? archive.find(field, text, limit: 50) else { continue }
                let records = result.members.flatMap { [$0.member.current] } + result.orders.map(\.current)
                for record in records where seen.insert(record.kind.rawValue + "/" + record.key).inserted {
                    found.append(record)
                }
                // An exact key, e-mail or phone answers the question; names and accounts only when nothing else did.
                if !found.isEmpty { break }
            }
        }
        if found.count == 1 { return Reply.redirect(Self.recordPath(found[0].kind, found[0].key)) }
        let rows: [HTML] = found.map { record in
            let label = record.kind == .member ? t.member : t.label("order_no")
            let name =
                record.kind == .member
                ? record[field: "name"] ?? "" : record[field: "purchaser_name"] ?? record[field: "recipient_name"] ?? ""
            let email = record[field: record.kind == .member ? "email" : "purchaser_email"] ?? ""
            return """
                <tr><td>\(label)</td><td><a href="\(Self.recordPath(record.kind, record.key))">\(record.key)</a></td>
                <td>\(name)</td><td>\(email)</td></tr>
                """
        }
        let content: HTML =
            text.isEmpty
            ? "<p>\(t.searchHint)</p>"
            : found.isEmpty
                ? "<p>\(t.searchNothing)</p><p class=\"muted\">\(t.searchHint)</p>"
                : """
                <p><strong>\(t.matches(found.count))</strong></p>
                <table><thead><tr><th></th><th>ID</th><th>\(t.label("name"))</th><th>\(t.label("email"))</th></tr>
                </thead><tbody>\(rows)</tbody></table>
                """
        return Reply.html(Layout.page(text.isEmpty ? t.searchTitle : "\(t.searchTitle): \(text)", page, content))
    }

    /// Which indexes to try, in order, for what was typed.
    static func searchOrder(_ text: String) -> [LookupField] {
        if text.contains("@") { return [.email, .account] }
        var fields: [LookupField] = [.orderNo, .memberID]
        if LookupField.phone.key(for: text) != nil { fields.append(.phone) }
        fields += [.account, .name]
        return fields
    }
}
