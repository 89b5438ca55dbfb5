public import SodiumKit
public import AirlockFormat

/// Reads a bundle's decrypted payload as a manifest followed by records, checking each record against the
/// manifest and, at the end, the counts the manifest declared (acceptance steps 8–9).
public final class BundleContentsReader {
    /// The verified bundle being read.
    public let verified: VerifiedBundle
    /// The payload's manifest.
    public let manifest: Manifest
    private let payload: PayloadReader
    private var seen = Manifest.Counts(members: 0, orders: 0)

    /// Opens the payload of a verified bundle and reads its manifest.
    public init(verified: VerifiedBundle, recipient: RecipientSecretKey) throws(FormatError) {
        self.verified = verified
        payload = try PayloadReader(verified: verified, recipient: recipient)
        guard let first = try payload.nextFrame() else { throw .malformedPayload("the payload is empty") }
        guard first.kind == .manifest else { throw .malformedPayload("the first frame is not the manifest") }
        manifest = try Manifest.decode(first.body)
    }

    /// The next record, or nil once the whole payload was read and matched the manifest.
    public func next() throws(FormatError) -> ShopRecord? {
        guard let frame = try payload.nextFrame() else {
            guard seen == manifest.counts else {
                throw .manifestMismatch(
                    "the manifest declares \(manifest.counts.members) members and \(manifest.counts.orders) orders, "
                        + "the payload holds \(seen.members) and \(seen.orders)")
            }
            return nil
        }
        let kind: ShopRecord.Kind
        switch frame.kind {
        case .manifest: throw .malformedPayload("a second manifest")
        case .member:
            kind = .member
            seen.members += 1
        case .order:
            kind = .order
            seen.orders += 1
        }
        let record = try RecordCodec.decode(frame.body, kind: kind)
        guard Int(record.source) < manifest.sources.count else {
            throw .manifestMismatch("a record names source \(record.source), which the manifest does not list")
        }
        let source = manifest.sources[Int(record.source)]
        guard source.kind == kind else {
            throw .manifestMismatch("a \(kind.rawValue) record names a \(source.kind.rawValue) source")
        }
        for row in record.rows where row.cells.count != source.columns.count {
            throw .manifestMismatch("row \(row.row) of \(source.file) has \(row.cells.count) cells for \(source.columns.count) columns")
        }
        return record
    }
}
