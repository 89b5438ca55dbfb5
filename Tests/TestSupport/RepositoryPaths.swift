import Foundation

/// Paths inside the repository, for tests that load `Spec/vectors` and `Examples/` by path.
public enum RepositoryPaths {
    /// The repository's root folder, found from this source file's location.
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// `Spec/vectors`.
    public static var vectors: String { root + "/Spec/vectors" }
}

extension RepositoryPaths {
    /// A file under `Examples/`.
    public static func example(_ relative: String) -> String { root + "/Examples/" + relative }
}
