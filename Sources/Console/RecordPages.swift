import AirlockFormat
import ArchiveStore
import Foundation
import Hummingbird
import ShopData

extension ConsoleServer {
    /// `GET /members/{key}`: every field, the member's orders, and the version history.
    func memberPage(_ request: Request, _ context: ConsoleContext) throws -> Response {
        let page = page(request, context)
        let t = page.strings
        let key = try Self.key(context)
        guard let member = try archive.currentRecord(kind: .member, key: key) else {
            return notInArchive(request, context)
        }
        let orders = try archive.orders(ofMember: key)
        let orderRows: [HTML] = orders.map { order in
            """
            <tr><td><a href="\(Self.recordPath(.order, order.key))">\(order.key)</a></td>
            <td>\(order[field: "ordered_at"] ?? "")</td><td>\(order[field: "status"] ?? "")</td>
            <td class="num">\(order[field: "total"] ?? "")</td><td>\(order[field: "completed_at"] ?? "")</td></tr>
            """
        }
        let orderTable: HTML =
            orders.isEmpty
            ? "<p class=\"muted\">\(t.noOrders)</p>"
            : """
            <table><thead><tr><th>\(t.label("order_no"))</th><th>\(t.label("ordered_at"))</th>
            <th>\(t.label("status"))</th><th class="num">\(t.label("total"))</th><th>\(t.label("completed_at"))</th></tr>
            </thead><tbody>\(orderRows)</tbody></table>
            """
        let content: HTML = """
            <h2>\(t.fields)</h2>
            \(Self.fieldTable(member, names: Self.orderedNames(member, canonical: RecordKind.members.fields), t))
            <h2>\(t.ordersOfMember)</h2>
            \(orderTable)
            <h2>\(t.history)</h2>
            \(try historyTable(.member, key, page))
            """
        return Reply.html(Layout.page("\(t.member) \(key)", page, active: "members", content))
    }

    /// `GET /orders/{key}`: the order in sections (purchaser, recipient, items, payment, delivery, invoice), and
    /// its version history.
    func orderPage(_ request: Request, _ context: ConsoleContext) throws -> Response {
        let page = page(request, context)
        let t = page.strings
        let key = try Self.key(context)
        guard let order = try archive.currentRecord(kind: .order, key: key) else {
            return notInArchive(request, context)
        }
        let sections: [(String, [String])] = [
            (t.orders, ["order_no", "ordered_at", "status", "completed_at", "member_id", "note"]),
            (t.purchaser, ["purchaser_name", "purchaser_email", "purchaser_phone", "purchaser_address"]),
            (t.recipient, ["recipient_name", "recipient_phone", "recipient_postal_code", "recipient_address"]),
            (t.payment, ["payment_method", "subtotal", "shipping_fee", "discount", "total"]),
            (t.delivery, ["delivery_method", "shipped_at"]),
            (t.invoice, ["invoice_no"]),
        ]
        let listed = Set(sections.flatMap(\.1))
        let others = order.fields.map(\.name).filter { !listed.contains($0) }.sorted()
        var blocks: [HTML] = []
        for (title, names) in sections + [(t.other, others)] {
            let present = names.filter { order[field: $0] != nil }
            guard !present.isEmpty else { continue }
            blocks.append("<section><h2>\(title)</h2>\(Self.fieldTable(order, names: present, t))</section>")
        }
        let itemFields = RecordKind.orders.fields.filter(\.isLineItemField).map(\.rawValue)
        let extraItemFields = Set(order.items.flatMap { $0.map(\.name) }).subtracting(itemFields).sorted()
        let columns =
            itemFields.filter { name in order.items.contains { $0.contains { $0.name == name } } }
            + extraItemFields
        let itemHead: [HTML] = columns.map { "<th>\(t.label($0))</th>" }
        let itemRows: [HTML] = order.items.map { item in
            let cells: [HTML] = columns.map { name in
                let value = item.first { $0.name == name }?.value ?? ""
                return name == "item_price" || name == "item_qty"
                    ? "<td class=\"num\">\(value)</td>" : "<td>\(value)</td>"
            }
            return "<tr>\(cells)</tr>"
        }
        let items: HTML =
            order.items.isEmpty
            ? .empty
            : "<h2>\(t.items)</h2><table><thead><tr>\(itemHead)</tr></thead><tbody>\(itemRows)</tbody></table>"
        let member: HTML =
            order[field: "member_id"].flatMap { $0.isEmpty ? nil : $0 }.map { id in
                "<p><a class=\"button\" href=\"\(Self.recordPath(.member, id))\">\(t.member) \(id)</a></p>"
            } ?? .empty
        let content: HTML = """
            \(member)
            <div class="sections">\(blocks)</div>
            \(items)
            <h2>\(t.history)</h2>
            \(try historyTable(.order, key, page))
            """
        return Reply.html(Layout.page("\(t.label("order_no")) \(key)", page, active: "orders", content))
    }

    /// Every revision: which bundle brought it, when, and which fields it changed (with their new values).
    private func historyTable(_ kind: ShopRecord.Kind, _ key: String, _ page: PageContext) throws -> HTML {
        let t = page.strings
        let versions = try archive.history(kind: kind, key: key)
        var previous: ArchivedVersion?
        var rows: [HTML] = []
        for (index, version) in versions.enumerated() {
            let change: HTML
            if let before = previous {
                let names = Set(before.fields.map(\.name)).union(version.fields.map(\.name)).sorted()
                let changed = names.filter { before[field: $0] != version[field: $0] }
                let itemsChanged = before.items != version.items
                if changed.isEmpty && !itemsChanged {
                    change = "<span class=\"muted\">\(t.noChange)</span>"
                } else {
                    let parts: [HTML] = changed.map { name in
                        let masked: HTML =
                            version.maskedAtSource.contains(name) ? " <span class=\"muted\">*</span>" : .empty
                        return "<div><strong>\(t.label(name))</strong>: \(version[field: name] ?? "—")\(masked)</div>"
                    }
                    change = parts.joined() + (itemsChanged ? "<div><strong>\(t.items)</strong></div>" : .empty)
                }
            } else {
                change = "\(t.firstArrival)"
            }
            rows.append(
                """
                <tr><td class="num">\(index + 1)</td>
                <td class="mono">\(Self.bundleName(chain: version.bundle.chain, sequence: version.bundle.sequence))</td>
                <td>\(page.localTime(version.bundle.importedAt))</td><td>\(change)</td></tr>
                """)
            previous = version
        }
        return """
            <table><thead><tr><th class="num">\(t.version)</th><th>\(t.bundle)</th><th>\(t.importedAt)</th>
            <th>\(t.changedFields)</th></tr></thead><tbody>\(rows.reversed())</tbody></table>
            """
    }

    /// Label–value rows for `names`, with a note where a value was restored or is still a mask.
    static func fieldTable(_ record: CurrentRecord, names: [String], _ t: Strings) -> HTML {
        Layout.fieldTable(
            names.map { name in
                let note =
                    record.restored.contains(name)
                    ? t.restored : record.stillMasked.contains(name) ? t.stillMasked : nil
                return (t.label(name), record[field: name] ?? "", note)
            })
    }

    /// A record's field names in canonical order, then any others alphabetically.
    static func orderedNames(_ record: CurrentRecord, canonical: [CanonicalField]) -> [String] {
        let present = Set(record.fields.map(\.name))
        let known = canonical.map(\.rawValue).filter { present.contains($0) }
        return known + present.subtracting(known).sorted()
    }

    /// The `{key}` path parameter, percent-decoded.
    static func key(_ context: ConsoleContext) throws -> String {
        guard let raw = context.parameters.get("key"), let key = raw.removingPercentEncoding, !key.isEmpty else {
            throw HTTPError(.notFound)
        }
        return key
    }

    private func notInArchive(_ request: Request, _ context: ConsoleContext) -> Response {
        let t = context.strings
        return Reply.html(
            Layout.page(t.notFound, page(request, context), "<p>\(t.notInArchive)</p>"), status: .notFound)
    }
}
