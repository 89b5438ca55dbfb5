import AirlockFormat
import Pipeline
import ShopData

/// The first pass of a pack over one export: how many records are eligible, the exact payload bytes they will
/// take, the warnings, and the manifest's description of the file.
struct CountingPass: Sendable {
    var payloadBytes: UInt64
    var members: UInt64
    var orders: UInt64
    var rows: Int
    var warnings: [String]
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
        var payloadBytes: UInt64 = 0
        var members: UInt64 = 0
        var orders: UInt64 = 0
        var rowCount = 0
        var warnings: [String] = []
        try pass.forEachEligible(splitCheck: .bounded) { record, rows in
            rowCount += rows.count
            if rowCount % 10_000 < rows.count { progress(rowCount) }
            payloadBytes += UInt64(PayloadFrame.headerLength + RecordCodec.encodedSize(record))
            if record.kind == .member { members += 1 } else { orders += 1 }
            for row in rows { for warning in row.warnings { warnings.append(PackPipeline.text(of: warning)) } }
        }
        for warning in pass.reader.csv.warnings { warnings.append(PackPipeline.text(of: warning)) }
        return CountingPass(
            payloadBytes: payloadBytes, members: members, orders: orders, rows: rowCount, warnings: warnings,
            source: pass.manifestSource(hash: fingerprint.hash, bytes: fingerprint.bytes), fingerprint: fingerprint)
    }

    /// Carries the second input's result back from its thread; read only after the thread has ended.
    private final class ResultBox {
        var value: Result<CountingPass, any Error>?
    }
}
