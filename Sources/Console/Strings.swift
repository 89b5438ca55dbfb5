/// Every text the console shows, one table per language (`Strings+English.swift`, `Strings+Japanese.swift`,
/// `Strings+TraditionalChinese.swift`). Texts that take a value are functions; values are escaped by ``HTML``.
struct Strings: Sendable {
    // Chrome
    var consoleName: String
    var dashboard: String
    var members: String
    var orders: String
    var months: String
    var lookUp: String
    var lookUpPlaceholder: String
    var signedInAs: @Sendable (String) -> String
    var logOut: String

    // Login
    var logInTitle: String
    var userName: String
    var password: String
    var logIn: String
    var loginFailed: String
    var lockedOut: @Sendable (Int) -> String
    var formExpired: String
    var sessionEnded: String
    var loggedOut: String
    var loopbackNote: String

    // Dashboard
    var today: String
    var thisMonth: String
    var total: String
    var new: String
    var changed: String
    var lastImports: String
    var noImports: String
    var bundle: String
    var importedAt: String
    var madeAt: String
    var unchanged: String
    var rejectedBundles: String
    var noRejections: String
    var time: String
    var file: String
    var reason: String
    var arrivalsNote: String

    // Lists
    var keyword: String
    var keywordHint: String
    var registeredFrom: String
    var orderedFrom: String
    var through: String
    var any: String
    var filter: String
    var clear: String
    var exportCSV: String
    var exportMasked: String
    var exportNote: String
    var matches: @Sendable (Int) -> String
    var page: @Sendable (Int, Int) -> String
    var previous: String
    var next: String
    var noMatches: String

    // Records
    var fields: String
    var history: String
    var version: String
    var firstArrival: String
    var changedFields: String
    var noChange: String
    var restored: String
    var stillMasked: String
    var ordersOfMember: String
    var noOrders: String
    var member: String
    var purchaser: String
    var recipient: String
    var items: String
    var payment: String
    var delivery: String
    var invoice: String
    var amounts: String
    var other: String
    var notInArchive: String

    // Months
    var month: String
    var ordersCompleted: String
    var ordersNew: String
    var ordersChanged: String
    var membersNew: String
    var membersChanged: String
    var monthsNote: String

    // Search
    var searchTitle: String
    var searchNothing: String
    var searchHint: String

    // Errors
    var notFound: String
    var notFoundText: String
    var failed: String
    var failedText: String
    var forbidden: String

    /// Labels of canonical fields; a field without one shows its canonical name.
    var fieldLabels: [String: String]

    /// The label of a canonical field.
    func label(_ field: String) -> String { fieldLabels[field] ?? field }
}
