import AirlockCLI
import ArgumentParser
import Foundation
import Masking
import ShopData

/// How to read and mask the shop's exports: shared by `pack` and `inspect`.
struct ReadingOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The export layout: airlock, shopify, ec-cube, or a profile .json file (default: detected from the header).",
        valueName: "profile"))
    var profile: String?

    @Option(help: ArgumentHelp("Force the encoding: utf-8, cp932 (Shift_JIS), big5 (default: detected).", valueName: "encoding"))
    var encoding: String?

    @Option(help: ArgumentHelp("A masking policy .json file (default: the built-in policy, see Spec/masking.md).", valueName: "policy.json"))
    var policy: String?

    func validate() throws {
        if let encoding {
            do { _ = try ShopEncoding(name: encoding) } catch {
                throw ValidationError("unknown --encoding '\(encoding)': use utf-8, cp932 or big5")
            }
        }
    }

    func resolvedProfile() throws -> Profile? {
        try profile.map { name throws(ShopDataError) in try ProfileRegistry.builtIn.resolve(name) }
    }

    func resolvedEncoding() throws -> ShopEncoding? {
        try encoding.map { name throws(ShopDataError) in try ShopEncoding(name: name) }
    }

    func resolvedPolicy() throws -> MaskingPolicy {
        guard let policy else { return .defaultPolicy }
        do { return try MaskingPolicy.load(from: URL(fileURLWithPath: policy)) } catch {
            throw PolicyFileError(path: policy, error: error)
        }
    }
}
