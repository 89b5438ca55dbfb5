import AirlockFormat
import ArchiveStore

/// A list page's filter and page number, read from its query string; the same query drives the CSV export.
struct ListQuery {
    /// The fields a list can be filtered on by exact value, per kind.
    static func choiceFields(_ kind: ShopRecord.Kind) -> [String] {
        kind == .member ? ["level", "gender"] : ["status"]
    }

    var filter: RecordFilter
    /// 1-based.
    var page: Int

    init(kind: ShopRecord.Kind, _ query: FormFields) {
        var equals: [String: String] = [:]
        for field in Self.choiceFields(kind) {
            if let value = query.trimmed(field) { equals[field] = value }
        }
        filter = RecordFilter(
            kind: kind, keyword: query.trimmed("q") ?? "", from: query.trimmed("from").flatMap(Self.day),
            through: query.trimmed("through").flatMap(Self.day), equals: equals)
        page = max(1, min(1_000_000, Int(query.trimmed("page") ?? "") ?? 1))
    }

    /// `YYYY-MM-DD` as a date input sends it, or nil for anything else.
    static func day(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D else { return nil }
        return bytes.enumerated().allSatisfy { index, byte in index == 4 || index == 7 || (0x30...0x39).contains(byte) }
            ? text : nil
    }

    /// The query string of this filter (without the page), for links: pages, exports.
    func items(page: Int? = nil) -> [(String, String?)] {
        var items: [(String, String?)] = [("q", filter.keyword), ("from", filter.from), ("through", filter.through)]
        for field in Self.choiceFields(filter.kind) { items.append((field, filter.equals[field])) }
        if let page, page > 1 { items.append(("page", String(page))) }
        return items
    }

    /// The names of the conditions in use, for the audit log (never their values: a keyword can be a name).
    var conditionNames: String {
        var names: [String] = []
        if !filter.keyword.isEmpty { names.append("keyword") }
        if filter.from != nil || filter.through != nil { names.append(filter.dateField) }
        names += filter.equals.keys.sorted()
        return names.joined(separator: ",")
    }
}
