internal import Foundation

/// The profiles Airlock knows: the built-ins plus any loaded from files; finds a profile by name or by header.
public struct ProfileRegistry: Sendable {
    /// The profiles, built-ins first.
    public let profiles: [Profile]

    /// A registry of the given profiles.
    /// - Parameter profiles: The profiles; a later profile with the same name replaces an earlier one.
    public init(profiles: [Profile]) {
        var byName: [String: Int] = [:]
        var list: [Profile] = []
        for profile in profiles {
            if let index = byName[profile.name] {
                list[index] = profile
            } else {
                byName[profile.name] = list.count
                list.append(profile)
            }
        }
        self.profiles = list
    }

    /// The built-in profiles: `airlock`, `shopify`, `ec-cube`.
    public static let builtIn = ProfileRegistry(profiles: BuiltInProfiles.all)

    /// The profile with this name.
    /// - Parameter name: A profile name (`shopify`).
    /// - Throws: `ShopDataError.unknownProfile`.
    public func profile(named name: String) throws(ShopDataError) -> Profile {
        guard let profile = profiles.first(where: { $0.name == name }) else { throw .unknownProfile(name: name) }
        return profile
    }

    /// A profile given on the command line: a built-in name, or a path to a JSON file (ending in `.json`).
    /// - Parameter argument: The name or path.
    /// - Throws: `ShopDataError.unknownProfile`, `.invalidProfile` or `.io`.
    public func resolve(_ argument: String) throws(ShopDataError) -> Profile {
        if argument.hasSuffix(".json") { return try Profile.load(from: URL(fileURLWithPath: argument)) }
        return try profile(named: argument)
    }

    /// Finds the layout whose `detect` headers are all present in a header.
    /// - Parameters:
    ///   - header: The file's header.
    ///   - file: The file name, for errors.
    ///   - kind: Only consider layouts of this kind, when known.
    /// - Returns: The profile and the kind of records.
    /// - Throws: `ShopDataError.noProfileMatches`, or `.ambiguousProfile` when several layouts match.
    public func detect(header: CSVHeader, file: String, kind: RecordKind? = nil) throws(ShopDataError)
        -> (profile: Profile, kind: RecordKind)
    {
        let names = Set(header.names)
        var matches: [(profile: Profile, kind: RecordKind)] = []
        for profile in profiles {
            for candidate in RecordKind.allCases where kind == nil || kind == candidate {
                if let layout = profile.layout(for: candidate), layout.detect.allSatisfy(names.contains) {
                    matches.append((profile, candidate))
                }
            }
        }
        guard let match = matches.first else { throw .noProfileMatches(file: file) }
        guard matches.count == 1 else {
            throw .ambiguousProfile(file: file, candidates: matches.map { "\($0.profile.name) \($0.kind.rawValue)" })
        }
        return match
    }
}
