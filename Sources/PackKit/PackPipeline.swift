import AirlockFormat
import Foundation
import Masking
import Pipeline
import ShopData
public import SodiumKit

/// The online side's whole run: read the exports twice (count, then seal), write the bundle and the masked
/// re-export, and record the bundle in the state folder — all under the state folder's lock.
///
/// Crash safety: the sequence number is reserved (with the bundle's path) before anything is written; masked
/// files are complete in `pending/` before the bundle is renamed into `--out`; the entry becomes `sent` last.
/// ``recover(state:signer:)`` resolves a reservation a crashed run left behind: a bundle that reached its
/// final name is recorded as sent, otherwise the reservation and its pending files are dropped.
public enum PackPipeline {
    /// Packs `request` into the next bundle of `state`'s chain. Returns nil when no row is eligible yet.
    ///
    /// - Parameters:
    ///   - warn: receives each warning about the input (spreadsheet damage, mixed line endings).
    ///   - progress: receives the pass ("counting", "sealing"), rows done and, while sealing, the total.
    public static func run(
        _ request: PackRequest, state: PackState, warn: (String) -> Void = { _ in },
        progress: (_ pass: String, _ rows: Int, _ total: Int?) -> Void = { _, _, _ in }
    ) throws -> PackSummary? {
        let started = Date()
        return try state.locked { () throws -> PackSummary? in
            try recover(state: state, signer: request.signer.publicKey)
            let inputs = try inputs(of: request)

            // Pass 1: count eligible records and the exact payload size, both files at once.
            let counted = try CountingPass.run(inputs, request: request) { rows in progress("counting", rows, nil) }
            var sizes: UInt64 = 0
            var counts = Manifest.Counts(members: 0, orders: 0)
            var warnings: [String] = []
            for count in counted {
                sizes += count.payloadBytes
                counts.members += count.members
                counts.orders += count.orders
                warnings += count.warnings
            }
            let sources = counted.map(\.source)
            let fingerprints = counted.map(\.fingerprint)
            let rowsCounted = counted.reduce(0) { $0 + $1.rows }
            for warning in warnings.prefix(50) { warn(warning) }
            if warnings.count > 50 { warn("… and \(warnings.count - 50) more warnings") }
            guard counts.members + counts.orders > 0 else { return nil }

            let manifest = Manifest(
                createdAt: timestamp(request.now), packer: request.packerName,
                timeZone: (request.profile?.timeZone ?? TimeZone.current).identifier,
                membersRegisteredBefore: request.membersFile == nil ? nil : timestamp(request.now),
                ordersCompletedBefore: request.ordersFile == nil ? nil : timestamp(request.now),
                counts: counts, sources: sources)
            let manifestFrame = PayloadFrame(kind: .manifest, body: manifest.encoded())
            let payloadSize = UInt64(manifestFrame.encodedLength) + sizes

            // Reserve the next sequence number before writing anything.
            let chain = try state.chain()
            let sequence = chain.lastSequence + 1
            let bundlePath = request.outputDirectory + "/" + String(chain.chainID.prefix(8)) + "-" + PackState.name(sequence) + ".airlock"
            let maskedNames = inputs.map { URL(fileURLWithPath: $0.path).lastPathComponent }
            var entry = BundleEntry(
                sequence: sequence, status: .reserved, bundlePath: bundlePath, bundleHash: nil,
                createdAt: timestamp(request.now), members: counts.members, orders: counts.orders,
                maskedFiles: maskedNames, confirmedAt: nil)
            try state.save(entry)

            // Pass 2: seal and mask.
            let pending = state.pendingFolder(sequence)
            try FileManager.default.createDirectory(atPath: pending, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let writer = try BundleWriter(
                path: bundlePath,
                parameters: BundleParameters(
                    chainID: Hex.decode(chain.chainID)!, sequence: sequence, previousHash: Hex.decode(chain.lastHash)!,
                    createdAt: Int64(request.now.timeIntervalSince1970), recipients: request.recipients),
                payloadSize: payloadSize, signer: request.signer)
            try writer.write(manifestFrame)
            var written = UInt64(manifestFrame.encodedLength)
            var figures: [PackSummary.FileFigures] = []
            var rowsSealed = 0
            for (index, input) in inputs.enumerated() {
                let pass = try SourcePass(path: input.path, kind: input.kind, index: UInt16(index), request: request)
                let file = pass.figures.file
                let masked = try CSVWriter(
                    url: URL(fileURLWithPath: pending + "/" + maskedNames[index]), dialect: pass.reader.csv.dialect,
                    columnNames: pass.reader.csv.header.names)
                try masked.write(row: pass.reader.csv.headerRow)
                let masker = ReexportMasker(reader: pass.reader, policy: request.policy)
                var maskedCells = 0
                var blankedCells = 0
                // This thread compresses, encrypts and writes the bundle and the masked re-export; the other
                // reads, maps and encodes records (`BatchedProducer(sealing:)`). `pass` belongs to the producer until it ends.
                let producer = BatchedProducer(sealing: pass)
                defer { producer.stop() }
                while let batch = try producer.next() {
                    for unit in batch {
                        rowsSealed += unit.rows.count
                        if rowsSealed % 10_000 < unit.rows.count { progress("sealing", rowsSealed, rowsCounted) }
                        written += UInt64(unit.frame.encodedLength)
                        guard written <= payloadSize else { throw PackKitError.inputChanged(file: file) }
                        try writer.write(unit.frame)
                        for row in unit.rows {
                            let (cells, maskedCount, blanked) = masker.maskedCells(of: row)
                            maskedCells += maskedCount
                            blankedCells += blanked
                            try masked.write(cells)
                        }
                    }
                }
                producer.stop()
                pass.figures.maskedCells += maskedCells
                pass.figures.blankedCells += blankedCells
                guard try SourcePass.fingerprint(input.path).hash == fingerprints[index].hash else {
                    throw PackKitError.inputChanged(file: file)
                }
                try masked.finish(endWithLineEnding: pass.reader.csv.endsWithLineEnding)
                pass.figures.maskedFile = pending + "/" + maskedNames[index]
                figures.append(pass.figures)
            }
            guard written == payloadSize else { throw PackKitError.inputChanged(file: figures.last?.file ?? "input") }
            let bundle = try writer.finish()
            entry.status = .sent
            entry.bundleHash = Hex.encode(bundle.bundleHash)
            try state.markSent(entry)
            return PackSummary(
                sequence: sequence, chain: chain.chainID, bundlePath: bundlePath, bundleHash: Hex.encode(bundle.bundleHash),
                bundleBytes: bundle.byteCount, files: figures, warnings: warnings,
                seconds: Date().timeIntervalSince(started))
        }
    }

    /// Resolves what a crashed run left: a reserved bundle that reached its final name and verifies is recorded
    /// as sent, otherwise the reservation, its pending files and its temporary bundle file are dropped; a sent
    /// bundle the chain does not name yet (a crash between the two state writes of ``PackState/markSent(_:)``)
    /// advances the chain; temporary files of interrupted atomic writes are removed.
    public static func recover(state: PackState, signer: SigningPublicKey) throws {
        for var entry in try state.entries() where entry.status == .reserved {
            let chain = try state.chain()
            if let verified = try? BundleVerifier.verify(path: entry.bundlePath, trustedSigners: [signer]),
                verified.header.sequence == entry.sequence, Hex.encode(verified.header.chainID) == chain.chainID
            {
                entry.status = .sent
                entry.bundleHash = Hex.encode(verified.bundleHash)
                try state.markSent(entry)
            } else {
                try state.abandon(entry)
            }
            removeTemporaries(of: entry.bundlePath)
        }
        // `markSent` writes the entry, then `chain.json`: a crash between the two leaves the chain one behind.
        if let last = try state.entries().last(where: { $0.status == .sent && $0.bundleHash != nil }),
            last.sequence > (try state.chain()).lastSequence
        {
            try state.markSent(last)
        }
        for folder in [state.directory, state.directory + "/bundles"] {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where isTemporary(name) {
                try? FileManager.default.removeItem(atPath: folder + "/" + name)
            }
        }
    }

    /// Whether `name` is a temporary file of `AtomicFileWriter` (`.NAME.tmp-XXXXXX`).
    static func isTemporary(_ name: String) -> Bool { name.hasPrefix(".") && name.contains(".tmp-") }

    /// Removes the temporary files an interrupted write of `path` left beside it.
    static func removeTemporaries(of path: String) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let prefix = "." + url.lastPathComponent + ".tmp-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasPrefix(prefix) {
            try? FileManager.default.removeItem(atPath: folder + "/" + name)
        }
    }

    private static func inputs(of request: PackRequest) throws -> [(path: String, kind: ShopData.RecordKind)] {
        var inputs: [(String, ShopData.RecordKind)] = []
        if let members = request.membersFile { inputs.append((members, .members)) }
        if let orders = request.ordersFile { inputs.append((orders, .orders)) }
        guard !inputs.isEmpty else { throw PackKitError.noInput }
        return inputs
    }

    /// A warning as the `warn` callback and the summary carry it: where and what, without the `warning: ` prefix
    /// of its description, which the command line adds itself (`airlock-pack: warning: …`).
    static func text(of warning: ShopDataWarning) -> String { "\(warning.location): \(warning.message)" }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
