import Foundation

/// The name–value pairs of a query string or an `application/x-www-form-urlencoded` body (`+` is a space, then
/// percent-decoding), as browsers send GET and POST forms. Malformed escapes leave the value as it is.
struct FormFields: Sendable {
    private var pairs: [(String, String)]

    /// Parses `a=1&b=x+y`; a missing `=` gives an empty value.
    init(_ encoded: String) {
        pairs = encoded.split(separator: "&", omittingEmptySubsequences: true).map { part in
            let halves = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = FormFields.decode(halves[0])
            let value = halves.count > 1 ? FormFields.decode(halves[1]) : ""
            return (name, value)
        }
    }

    /// Every pair, in order.
    var all: [(String, String)] { pairs }

    /// The first value of `name`, or nil.
    subscript(_ name: String) -> String? { pairs.first { $0.0 == name }?.1 }

    /// The first value of `name` with spaces trimmed, or nil when absent or blank.
    func trimmed(_ name: String) -> String? {
        let value = self[name]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return value.isEmpty ? nil : value
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    /// `text` percent-encoded for a query value: everything but unreserved characters (RFC 3986).
    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: "\u{0}"..."\u{7F}"))
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    /// A query string from pairs, skipping empty values: `?a=1&b=x%20y`, or "" when nothing is left.
    static func query(_ items: [(String, String?)]) -> String {
        let parts = items.compactMap { name, value -> String? in
            guard let value, !value.isEmpty else { return nil }
            return encode(name) + "=" + encode(value)
        }
        return parts.isEmpty ? "" : "?" + parts.joined(separator: "&")
    }
}
