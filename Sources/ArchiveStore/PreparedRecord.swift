import AirlockFormat
import BundleOpening
import Pipeline

/// One record as the ingester stores it, with everything that needs no database computed in advance: the content
/// hash, the JSON columns and the lookup keys.
struct PreparedRecord: Sendable {
    var kind: ShopRecord.Kind
    var key: String
    var hash: String
    var columns: (fields: String, maskedAtSource: String, items: String, source: String)
    var lookups: [(LookupField, String)]

    init(_ record: ShopRecord, source: Manifest.Source) {
        let content = VersionContent(record: record, source: source)
        kind = record.kind
        key = record.key
        hash = content.hash
        columns = content.columns
        lookups = LookupField.keys(
            kind: content.kind, recordKey: content.key, fields: content.fields, masked: content.maskedAtSource)
    }
}

/// Decrypts, decodes and prepares a bundle's records on a second thread, in batches, while the database thread
/// stores the previous ones: an import then uses both cores. At most `batches` batches wait at any time.
final class RecordPreparation {
    private let handOff: HandOff<[PreparedRecord]>
    private let worker: WorkerThread

    /// Starts reading `reader` on a new thread. The reader is used by that thread only from here on.
    init(reader: BundleContentsReader, batchSize: Int = 256, batches: Int = 4) {
        let handOff = HandOff<[PreparedRecord]>(capacity: batches)
        let sources = reader.manifest.sources
        let owned = Owned(reader)
        worker = WorkerThread(name: "airlock-import-prepare") {
            var batch: [PreparedRecord] = []
            batch.reserveCapacity(batchSize)
            do {
                while let record = try owned.value.next() {
                    batch.append(PreparedRecord(record, source: sources[Int(record.source)]))
                    if batch.count == batchSize {
                        guard handOff.send(batch) else { return handOff.finish(nil) }
                        batch.removeAll(keepingCapacity: true)
                    }
                }
                if !batch.isEmpty { handOff.send(batch) }
                handOff.finish(nil)
            } catch {
                handOff.finish(error)
            }
        }
        self.handOff = handOff
    }

    /// The next batch, nil after the last; rethrows what stopped the reading (a damaged chunk, a count mismatch).
    func next() throws -> [PreparedRecord]? { try handOff.next() }

    /// Stops the reading thread (if it still runs) and waits for it: call before leaving the transaction.
    func stop() {
        handOff.cancel()
        worker.wait()
    }

    /// Hands a non-Sendable value to exactly one other thread, which becomes its only user.
    private final class Owned<Value>: @unchecked Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }
}
