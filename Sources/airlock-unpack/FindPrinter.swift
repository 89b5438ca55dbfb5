import AirlockFormat
import ArchiveStore

/// The text form of `find` results.
enum FindPrinter {
    static func print(_ result: FindResult) {
        for match in result.members {
            record(match.member, indent: "")
            if !match.orders.isEmpty {
                Swift.print("  orders (\(match.orders.count)):")
                for order in match.orders { record(order, indent: "    ") }
            }
            Swift.print("")
        }
        for order in result.orders {
            record(order, indent: "")
            Swift.print("")
        }
    }

    static func record(_ found: FindResult.Found, indent: String) {
        let current = found.current
        let origin = current.newest.bundle
        Swift.print("\(indent)\(current.kind.rawValue) \(current.key)  (chain \(origin.chain.prefix(8)) bundle \(origin.sequence), imported \(origin.importedAt))")
        for field in current.fields {
            let note = current.restored.contains(field.name)
                ? "  [masked at source; earlier value kept]"
                : current.stillMasked.contains(field.name) ? "  [masked at source]" : ""
            Swift.print("\(indent)  \(field.name): \(field.value)\(note)")
        }
        for (index, item) in current.items.enumerated() {
            Swift.print("\(indent)  item \(index + 1): " + item.map { "\($0.name)=\($0.value)" }.joined(separator: ", "))
        }
        if let history = found.history {
            Swift.print("\(indent)  history (\(history.count) version\(history.count == 1 ? "" : "s")):")
            for (index, version) in history.enumerated() {
                let changed = index == 0
                    ? "first version"
                    : changedFields(from: history[index - 1], to: version).joined(separator: ", ")
                Swift.print("\(indent)    \(index + 1). chain \(version.bundle.chain.prefix(8)) bundle \(version.bundle.sequence), "
                    + "imported \(version.bundle.importedAt), content \(version.contentHash.prefix(12)): \(changed)")
            }
        }
    }

    static func changedFields(from old: ArchivedVersion, to new: ArchivedVersion) -> [String] {
        let names = Set(old.fields.map(\.name)).union(new.fields.map(\.name)).sorted()
        var changed = names.filter { old[field: $0] != new[field: $0] }
        if old.items != new.items { changed.append("items") }
        if changed.isEmpty { changed.append("source rows") }
        return changed.map { "\($0) changed" }
    }
}
