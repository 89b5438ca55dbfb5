import AirlockFormat
import GRDB

/// Where a verified bundle falls in its chain, decided from the archive's bundles (`Spec/archive.md`, "Chain
/// rules"). Each chain is followed separately.
enum ChainPosition: Equatable {
    /// The same bundle (same bundle hash) is already archived.
    case alreadyImported(BundleRow)
    /// Sequence 1 of a chain the archive has not seen.
    case newChain
    /// Sequence head + 1, linking to the head.
    case next

    /// Decides, or throws the chain rule the bundle breaks.
    static func decide(for header: BundleHeader, bundleHash: String, path: String, in db: Database) throws -> ChainPosition {
        if let existing = try BundleRow.filter(BundleRow.Columns.bundleHash == bundleHash).fetchOne(db) {
            return .alreadyImported(existing)
        }
        let chain = Hex.encode(header.chainID)
        let sequence = header.sequence
        if try BundleRow.filter(BundleRow.Columns.chainID == chain && BundleRow.Columns.sequence == Int64(sequence))
            .fetchCount(db) > 0
        {
            throw ArchiveError.fork(path: path, chain: chain, sequence: sequence)
        }
        let head = try BundleRow.filter(BundleRow.Columns.chainID == chain)
            .order(BundleRow.Columns.sequence.desc).fetchOne(db)
        guard let head else {
            if sequence == 1 { return .newChain }
            throw ArchiveError.gap(path: path, chain: chain, sequence: sequence, missing: 1...(sequence - 1))
        }
        let headSequence = UInt64(head.sequence)
        if sequence > headSequence + 1 {
            throw ArchiveError.gap(path: path, chain: chain, sequence: sequence, missing: (headSequence + 1)...(sequence - 1))
        }
        if sequence <= headSequence {
            throw ArchiveError.fork(path: path, chain: chain, sequence: sequence)
        }
        guard Hex.encode(header.previousHash) == head.bundleHash else {
            throw ArchiveError.brokenLink(path: path, chain: chain, sequence: sequence)
        }
        return .next
    }
}
