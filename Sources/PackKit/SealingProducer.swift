import AirlockFormat
import Pipeline
import ShopData

/// One eligible record of the sealing pass: its payload frame and the source rows its masked re-export is made
/// from.
struct SealedUnit: Sendable {
    var frame: PayloadFrame
    var rows: [CSVRow]
}

extension BatchedProducer where Element == SealedUnit {
    /// The producing half of the sealing pass: reads, maps and encodes one export's eligible records on its own
    /// thread and hands them over in batches (at most 8 of 128 waiting). From here until ``stop()`` returns,
    /// only the producer's thread uses `pass`.
    convenience init(sealing pass: SourcePass) {
        let handed = Handed(pass)
        self.init(name: "airlock-pack-seal", batchSize: 128, batches: 8) { emit in
            try handed.value.forEachEligible(splitCheck: .none) { record, rows in
                let frame = PayloadFrame(kind: record.kind.frameKind, body: RecordCodec.encode(record))
                try emit(SealedUnit(frame: frame, rows: rows.map(\.row)))
            }
        }
    }
}
