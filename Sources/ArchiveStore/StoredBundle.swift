import AirlockFormat
import SodiumKit
import Foundation
import GRDB

/// An archived bundle file, verified again from disk with the key that signed it: what `check` and
/// `rebuild` replay.
struct StoredBundle {
    /// The file name in `bundles/`.
    var name: String
    /// The path read (the final file, or its partial copy when a crash interrupted the rename).
    var path: String
    var verified: VerifiedBundle
    var signer: SigningPublicKey

    /// Verifies the stored file `name`, preferring the final file to a pending partial copy.
    static func load(name: String, signer: SigningPublicKey, layout: StoreLayout) throws(ArchiveError) -> StoredBundle {
        var path = layout.bundle(named: name)
        if !FileSystem.exists(path), FileSystem.exists(layout.bundle(named: StoreLayout.partialName(of: name))) {
            path = layout.bundle(named: StoreLayout.partialName(of: name))
        }
        guard FileSystem.exists(path) else { throw .io(path: path, reason: "the stored bundle is missing") }
        do {
            return StoredBundle(
                name: name, path: path, verified: try BundleVerifier.verify(path: path, trustedSigners: [signer]),
                signer: signer)
        } catch {
            throw .bundleRejected(path: path, error)
        }
    }
}

/// Replays stored bundles into an index database, each in its own transaction: the shared engine of `rebuild`
/// (into the database that will replace the index) and `check` (into a scratch database it compares with).
enum Replayer {
    /// How each replayed bundle's row gets its audit entry and import time.
    typealias AuditSource = (StoredBundle) throws -> (BundleReplay.AuditMode, importedAt: String)

    static func replay(
        _ bundles: [StoredBundle], identity: OfflineIdentity, into queue: DatabaseQueue, audit: AuditSource
    ) throws {
        for bundle in bundles {
            let (mode, importedAt) = try audit(bundle)
            do {
                _ = try queue.write { db in
                    try BundleReplay.ingest(
                        bundle.verified, identity: identity, fileName: bundle.name, signer: bundle.signer,
                        importedAt: importedAt, audit: mode, in: db)
                }
            } catch let error as FormatError {
                throw ArchiveError.bundleRejected(path: bundle.path, error)
            }
        }
    }
}
