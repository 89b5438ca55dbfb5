public import Hummingbird

/// The request context of the console's routes: the core context plus the language and the session that the
/// session middleware found.
public struct ConsoleContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The page language.
    var language: Language = .english
    /// Whether the response must store ``language`` in the language cookie (`?lang=` was given).
    var languageChosen = false
    /// The signed-in user's session, if the request carries a live one.
    var session: SessionStore.Session?
    /// The session cookie's token, when ``session`` is set.
    var sessionToken: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    /// The strings of the page language.
    var strings: Strings { language.strings }
}
