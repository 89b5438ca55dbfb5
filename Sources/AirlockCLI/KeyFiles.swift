import AirlockFormat
import Foundation

/// Writing the public half of a key pair, and refusing to overwrite existing keys.
public enum KeyFiles {
    /// Fails when any of `paths` exists: keygen never replaces a key.
    public static func refuseExisting(_ paths: [String]) throws {
        for path in paths where FileManager.default.fileExists(atPath: path) {
            throw CommandFailure(.cannotCreate, "\(path) already exists; keygen never replaces a key: choose another --out folder")
        }
    }

    /// Writes a `.pub` file atomically, mode 0644.
    public static func writePublic(_ text: String, to path: String) throws {
        let file = try AtomicFileWriter(path: path, mode: 0o644)
        try file.write(Array(text.utf8))
        try file.commit()
    }
}
