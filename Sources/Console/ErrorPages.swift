import ArchiveStore
import HTTPTypes
import Hummingbird

extension ConsoleServer {
    /// A page for a failed request: not found, too large, or a failure.
    func errorPage(_ request: Request, _ context: ConsoleContext, status: HTTPResponse.Status) -> Response {
        let t = context.strings
        let (title, text) =
            switch status {
            case .notFound: (t.notFound, t.notFoundText)
            case .forbidden: (t.forbidden, t.formExpired)
            default: (t.failed, t.failedText)
            }
        return Reply.html(Layout.page(title, page(request, context), "<p>\(text)</p>"), status: status)
    }

    /// What may be logged of an error: the archive's own description (paths, tables, codes), or the type's name.
    static func loggable(_ error: any Error) -> String {
        if let error = error as? ArchiveError { return error.description }
        if let error = error as? ConsoleError { return error.description }
        return String(describing: type(of: error))
    }
}
