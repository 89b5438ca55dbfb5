import AirlockFormat
import Pipeline
import ShopData

/// The producing half of the sealing pass: reads, maps and encodes one export's eligible records on its own
/// thread and hands them over in batches (at most 8 of 128 waiting), with the rows to mask.
final class SealingProducer {
    /// One eligible record: its payload frame and the source rows its masked re-export is made from.
    struct Unit: Sendable {
        var frame: PayloadFrame
        var rows: [CSVRow]
    }

    private let producer: BatchedProducer<Unit>

    /// Starts reading `pass`; from here until ``stop()`` returns, only the producer's thread uses it.
    init(pass: SourcePass) {
        let handed = Handed(pass)
        producer = BatchedProducer(name: "airlock-pack-seal", batchSize: 128, batches: 8) { emit in
            try handed.value.forEachEligible { record, rows in
                let frame = PayloadFrame(kind: record.kind.frameKind, body: RecordCodec.encode(record))
                try emit(Unit(frame: frame, rows: rows.map(\.row)))
            }
        }
    }

    /// The next batch, nil after the last; rethrows what stopped the producer.
    func next() throws -> [Unit]? { try producer.next() }

    /// Stops the producer if it still runs and waits for its thread to end.
    func stop() { producer.stop() }
}
