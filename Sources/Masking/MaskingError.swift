/// What can go wrong when loading a masking policy. Cases name keys and positions, never field values.
public enum MaskingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The policy file could not be read.
    case unreadableFile(path: String)
    /// The policy file is not JSON.
    case malformedJSON
    /// A key the format does not define; `path` is dotted from the top, e.g. `members.name.keepfirst`.
    case unknownKey(path: String)
    /// A key the format requires is absent.
    case missingKey(path: String)
    /// A value has the wrong JSON type.
    case wrongType(path: String, expected: String)
    /// The `version` is not one this build reads.
    case unsupportedVersion(Int)
    /// A `rule` names no known rule.
    case unknownRule(path: String, name: String)
    /// A value is out of range or otherwise unusable.
    case invalidValue(path: String, reason: String)

    /// What happened and what to do, naming keys but never values from the shop's data.
    public var description: String {
        switch self {
        case .unreadableFile(let path):
            "cannot read the masking policy file at \(path): check the path and its permissions"
        case .malformedJSON:
            "the masking policy is not valid JSON: check brackets, commas and quotes"
        case .unknownKey(let path):
            "the masking policy has an unknown key \(path): check its spelling against Spec/masking.md"
        case .missingKey(let path):
            "the masking policy lacks the required key \(path)"
        case .wrongType(let path, let expected):
            "the masking policy's \(path) must be \(expected)"
        case .unsupportedVersion(let version):
            "the masking policy has version \(version); this build reads version 1"
        case .unknownRule(let path, let name):
            "the masking policy's \(path) names an unknown rule \"\(name)\"; known rules: "
                + PolicyJSON.ruleNames.joined(separator: ", ")
        case .invalidValue(let path, let reason):
            "the masking policy's \(path) is unusable: \(reason)"
        }
    }
}
