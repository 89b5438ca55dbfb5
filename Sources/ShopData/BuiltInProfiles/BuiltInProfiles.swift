internal import Foundation

/// The profiles compiled into Airlock, kept as JSON so they use (and test) the same loader as profile files.
enum BuiltInProfiles {
    /// The built-in profiles, parsed; `airlock`, `shopify`, `ec-cube`.
    static let all: [Profile] = [airlock, shopify, ecCube].map { text in
        do {
            return try ProfileJSON.decode(Data(text.utf8), source: "built-in")
        } catch {
            // The texts are constants checked by the tests: a failure is a programmer error.
            preconditionFailure("built-in profile does not load: \(error)")
        }
    }
}
