import Foundation
import Hummingbird

/// What every page needs to draw its frame: the language, the user, the logout form's token, and where it is.
struct PageContext {
    var language: Language
    var user: String?
    var csrfToken: String?
    var path: String
    var query: FormFields
    var timeZone: TimeZone

    var strings: Strings { language.strings }

    init(_ request: Request, _ context: ConsoleContext, timeZone: TimeZone) {
        language = context.language
        user = context.session?.user
        csrfToken = context.session?.csrfToken
        path = request.uri.path
        query = FormFields(request.uri.query ?? "")
        self.timeZone = timeZone
    }

    /// This page in another language.
    func link(language: Language) -> String {
        let kept: [(String, String?)] = query.all.filter { $0.0 != "lang" }.map { ($0.0, $0.1) }
        return path + FormFields.query(kept + [("lang", language.rawValue)])
    }

    /// An RFC 3339 UTC time of the archive (`2026-11-25T09:30:00Z`) as local `2026-11-25 17:30`.
    func localTime(_ rfc3339: String) -> String {
        let parser = ISO8601DateFormatter()
        parser.formatOptions = [.withInternetDateTime]
        guard let date = parser.date(from: rfc3339) else { return rfc3339 }
        return localTime(date)
    }

    /// A time as local `2026-11-25 17:30`.
    func localTime(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}

/// The page frame: header with the navigation, the look-up box, the user and the language switch.
enum Layout {
    static func page(_ title: String, _ page: PageContext, active: String = "", _ content: HTML) -> HTML {
        let t = page.strings
        let links = [
            ("/", t.dashboard, "dashboard"), ("/members", t.members, "members"), ("/orders", t.orders, "orders"),
            ("/months", t.months, "months"),
        ]
        let nav: HTML = links.map { href, label, key -> HTML in
            key == active
                ? "<a href=\"\(href)\" aria-current=\"page\">\(label)</a>" : "<a href=\"\(href)\">\(label)</a>"
        }.joined()
        let languages: HTML = Language.allCases.map { language -> HTML in
            language == page.language
                ? "<span lang=\"\(language.rawValue)\" aria-current=\"true\">\(language.nativeName)</span>"
                : "<a lang=\"\(language.rawValue)\" href=\"\(page.link(language: language))\">\(language.nativeName)</a>"
        }.joined()
        var header: HTML = .empty
        if let user = page.user, let csrf = page.csrfToken {
            header = """
                <header class="top">
                <a class="brand" href="/">\(t.consoleName)</a>
                <nav>\(nav)</nav>
                <form class="lookup" method="get" action="/search" role="search">
                <input type="search" name="q" placeholder="\(t.lookUpPlaceholder)" aria-label="\(t.lookUp)" required>
                <button type="submit">\(t.lookUp)</button>
                </form>
                <div class="who"><span>\(t.signedInAs(user))</span>
                <form method="post" action="/logout"><input type="hidden" name="csrf" value="\(csrf)">
                <button type="submit" class="link">\(t.logOut)</button></form></div>
                <div class="lang">\(languages)</div>
                </header>
                """
        } else {
            header = """
                <header class="top"><span class="brand">\(t.consoleName)</span><div class="lang">\(languages)</div></header>
                """
        }
        return """
            <!DOCTYPE html>
            <html lang="\(page.language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="no-referrer">
            <title>\(title) · \(t.consoleName)</title>
            <link rel="stylesheet" href="/static/console.css">
            </head>
            <body>
            \(header)
            <main>
            <h1>\(title)</h1>
            \(content)
            </main>
            </body>
            </html>

            """
    }

    /// A definition table of label–value rows.
    static func fieldTable(_ rows: [(label: String, value: String, note: String?)]) -> HTML {
        let body: HTML = rows.map { row in
            let note: HTML = row.note.map { "<div class=\"note\">\($0)</div>" } ?? .empty
            return "<tr><th scope=\"row\">\(row.label)</th><td>\(row.value)\(note)</td></tr>"
        }.joined()
        return "<table class=\"fields\"><tbody>\(body)</tbody></table>"
    }
}
