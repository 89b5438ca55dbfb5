import AirlockFormat
import Pipeline
import ShopData

/// The first pass of a pack over one export: how many records are eligible, the exact payload bytes they will
/// take, the warnings, and the manifest's description of the file.
struct CountingPass: Sendable {
    var payloadBytes: UInt64 = 0
    var members: UInt64 = 0
    var orders: UInt64 = 0
    var rows = 0
    var warnings: [String] = []
    var source: Manifest.Source
    var fingerprint: (hash: [UInt8], bytes: UInt64)

    /// Counts every input, the second one on another thread, so that the members and orders exports are read at
    /// the same time. Only the first input reports progress (`rows` read so far, every 10,000 rows).
    static func run(
        _ inputs: [(path: String, kind: ShopData.RecordKind)], request: PackRequest, progress: (Int) -> Void
    ) throws -> [CountingPass] {
        guard inputs.count == 2 else {
            return try inputs.enumerated().map { index, input in
                try count(input, index: index, request: request, progress: progress)
            }
        }
        let second = inputs[1]
        let result = Handed(ResultBox())
        let worker = WorkerThread(name: "airlock-pack-count") {
            result.value.value = Result { try count(second, index: 1, request: request, progress: { _ in }) }
        }
        let first: CountingPass
        do {
            first = try count(inputs[0], index: 0, request: request, progress: progress)
        } catch {
            worker.wait()
            throw error
        }
        worker.wait()
        return [first, try result.value.value!.get()]
    }

    /// Counts one export.
    static func count(
        _ input: (path: String, kind: ShopData.RecordKind), index: Int, request: PackRequest,
        progress: (Int) -> Void
    ) throws -> CountingPass {
        let fingerprint = try SourcePass.fingerprint(input.path)
        let pass = try SourcePass(path: input.path, kind: input.kind, index: UInt16(index), request: request)
        var counted = CountingPass(source: pass.manifestSource(hash: [], bytes: 0), fingerprint: fingerprint)
        try pass.forEachEligible { record, rows in
            counted.rows += rows.count
            if counted.rows % 10_000 < rows.count { progress(counted.rows) }
            counted.payloadBytes += UInt64(PayloadFrame.headerLength + RecordCodec.encodedSize(record))
            if record.kind == .member { counted.members += 1 } else { counted.orders += 1 }
            for row in rows { for warning in row.warnings { counted.warnings.append(PackPipeline.text(of: warning)) } }
        }
        for warning in pass.reader.csv.warnings { counted.warnings.append(PackPipeline.text(of: warning)) }
        counted.source = pass.manifestSource(hash: fingerprint.hash, bytes: fingerprint.bytes)
        return counted
    }

    /// Carries the second input's result back from its thread; read only after the thread has ended.
    private final class ResultBox {
        var value: Result<CountingPass, any Error>?
    }
}

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
