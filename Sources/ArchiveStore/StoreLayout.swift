import Foundation

/// Where each part of an archive lives inside its folder (`Spec/archive.md`, "Layout").
public struct StoreLayout: Sendable, Equatable {
    /// The store folder (mode 0700).
    public let root: String

    /// Names a store folder; nothing is read or created.
    public init(root: String) {
        var path = root
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        self.root = path
    }

    /// The index database: derived from the bundles, except for the audit log (mode 0600).
    public var database: String { root + "/archive.sqlite" }
    /// Where `rebuild` writes the new database before it replaces the old one.
    public var rebuildDatabase: String { root + "/archive.sqlite.rebuild" }
    /// Every accepted bundle, verbatim and still encrypted: the source of truth.
    public var bundles: String { root + "/bundles" }
    /// The trusted packer keys, one `airlock-packer-1:` line each.
    public var trust: String { root + "/trust" }
    /// Store settings: the offline key's location and key ids (JSON).
    public var config: String { root + "/config.json" }
    /// The default folder for receipts.
    public var receipts: String { root + "/receipts" }

    /// The stored copy of a bundle.
    public func bundle(named name: String) -> String { bundles + "/" + name }

    /// The name under which a bundle is copied before its import commits (`.NAME.partial`).
    static func partialName(of name: String) -> String { "." + name + ".partial" }

    /// The file name a bundle is kept under: `<chain hex>-<sequence, 8 digits>.airlock`.
    public static func bundleFileName(chain: String, sequence: UInt64) -> String {
        let digits = String(sequence)
        return chain + "-" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits + ".airlock"
    }

    /// The receipt file name: `<first 8 hex digits of the chain>-<sequence, 6 digits>.receipt`.
    public static func receiptFileName(chain: String, sequence: UInt64) -> String {
        let digits = String(sequence)
        return String(chain.prefix(8)) + "-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
            + ".receipt"
    }
}
