/// A fragment of HTML whose interpolated text is escaped: the only way pages are built, so a value from the
/// archive (a name, an address, a note) can never become markup.
///
/// `"<td>\(name)</td>"` escapes `name`; another `HTML` value is inserted as it is.
struct HTML: Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// The markup.
    private(set) var rendered: String

    init(stringLiteral value: String) { rendered = value }

    init(stringInterpolation: StringInterpolation) { rendered = stringInterpolation.output }

    /// Markup from trusted code only (constant strings of this module).
    init(trusted markup: String) { rendered = markup }

    /// Empty markup.
    static let empty = HTML(trusted: "")

    var description: String { rendered }

    /// Joins fragments.
    static func + (lhs: HTML, rhs: HTML) -> HTML { HTML(trusted: lhs.rendered + rhs.rendered) }

    struct StringInterpolation: StringInterpolationProtocol {
        var output = ""

        init(literalCapacity: Int, interpolationCount: Int) { output.reserveCapacity(literalCapacity * 2) }

        mutating func appendLiteral(_ literal: String) { output += literal }

        /// Text: escaped for element content and for double-quoted attribute values.
        mutating func appendInterpolation(_ text: String) { output += HTML.escape(text) }

        mutating func appendInterpolation(_ number: Int) { output += String(number) }

        mutating func appendInterpolation(_ html: HTML) { output += html.rendered }

        mutating func appendInterpolation(_ fragments: [HTML]) {
            for fragment in fragments { output += fragment.rendered }
        }
    }

    /// `& < > " '` as character references.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }
}

extension Array where Element == HTML {
    /// The fragments one after another.
    func joined() -> HTML { HTML(trusted: map(\.rendered).joined()) }
}
