import Foundation
import GRDB

/// The stored bundle files in `bundles/`, and recovery from a crash between an import's commit and the rename
/// of its copy (`Spec/archive.md`, "Crash safety").
enum BundleFiles {
    /// Completes or removes partial copies (`.NAME.partial`): a partial whose bundle is committed and has no
    /// final file is renamed into place; any other partial belongs to an import that never committed.
    static func recoverPartials(layout: StoreLayout, queue: DatabaseQueue) throws(ArchiveError) {
        for partial in partials(layout) {
            let name = String(partial.dropFirst().dropLast(".partial".count))
            let committed = try DatabaseAccess.wrap {
                try queue.read { db in
                    try BundleRow.filter(Column("file_name") == name).fetchCount(db) > 0
                }
            }
            let partialPath = layout.bundle(named: partial)
            if committed && !FileSystem.exists(layout.bundle(named: name)) {
                try FileSystem.rename(partialPath, to: layout.bundle(named: name))
            } else {
                FileSystem.remove(partialPath)
            }
        }
    }

    /// Names of partial copies in `bundles/`.
    static func partials(_ layout: StoreLayout) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: layout.bundles)) ?? [])
            .filter { $0.hasPrefix(".") && $0.hasSuffix(".partial") }.sorted()
    }

    /// Names of final bundle files in `bundles/`.
    static func finals(_ layout: StoreLayout) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: layout.bundles)) ?? [])
            .filter { !$0.hasPrefix(".") && $0.hasSuffix(".airlock") }.sorted()
    }
}
