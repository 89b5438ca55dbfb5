internal import CSodium

/// Entry points that concern libsodium as a whole: start-up and version.
public enum Sodium {
    /// Calls `sodium_init()` once per process; every wrapper in this module calls it before using libsodium.
    ///
    /// - Throws: ``SodiumError/initializationFailed`` when libsodium cannot start (no entropy source).
    public static func ensureInitialized() throws(SodiumError) {
        guard initialization else { throw .initializationFailed }
    }

    /// The version string of the libsodium this process runs with (`sodium_version_string()`).
    public static var versionString: String {
        String(cString: sodium_version_string())
    }
}

/// A global `let` is initialised exactly once, thread-safely, by the Swift runtime.
private let initialization: Bool = sodium_init() >= 0

/// Turns a libsodium return code into a Swift error: the one place where C status codes are read.
@inline(__always)
func check(_ status: Int32, else error: SodiumError) throws(SodiumError) {
    guard status == 0 else { throw error }
}
