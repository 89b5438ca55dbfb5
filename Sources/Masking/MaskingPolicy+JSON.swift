public import Foundation

extension MaskingPolicy {
    /// Loads a policy file in the JSON format of `Spec/masking.md`.
    /// - Parameter url: the file's location.
    /// - Returns: the policy.
    /// - Throws: `MaskingError` naming the unreadable file, or the bad key and what was expected.
    public static func load(from url: URL) throws(MaskingError) -> MaskingPolicy {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadableFile(path: url.path)
        }
        return try decode(json: data)
    }

    /// Reads a policy from JSON bytes in the format of `Spec/masking.md`.
    /// - Parameter data: the JSON text, UTF-8.
    /// - Returns: the policy.
    /// - Throws: `MaskingError` naming the bad key and what was expected.
    public static func decode(json data: Data) throws(MaskingError) -> MaskingPolicy {
        try PolicyJSON.decode(data)
    }

    /// The policy as JSON (pretty-printed, keys sorted, every option spelled out, ending in a newline);
    /// `decode(json:)` reads it back to an equal policy.
    public func jsonData() -> Data {
        PolicyJSON.encode(self)
    }
}
