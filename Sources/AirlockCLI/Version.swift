import AirlockFormat
import SodiumKit

/// The version the executables report.
public enum AirlockVersion {
    /// The release version.
    public static let number = "0.1.0"

    /// What `--version` prints: version, formats read and written, and the libsodium in use.
    public static func text(tool: String) -> String {
        "\(tool) \(number) (bundle format \(BundleHeader.formatVersion) read and written; \(Receipt.firstLine); "
            + "libsodium \(Sodium.versionString))"
    }
}
