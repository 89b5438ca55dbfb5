// In-process lookup latency: opens an archive with ArchiveStore and times `find` calls, so the numbers leave
// out process start, argument parsing and printing (the whole-command figures in run.sh include them).
//
// Usage: airlock-findbench STORE PROBES.tsv [ROUNDS]
// PROBES.tsv holds `field<TAB>value` lines (email, order, phone), as `datagen.py probes` writes them.
// Prints one line per field: lookups, hits, median, p99 and max in microseconds.

import ArchiveStore
import Foundation

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: airlock-findbench STORE PROBES.tsv [ROUNDS]\n".utf8))
    exit(64)
}
let rounds = arguments.count > 3 ? Int(arguments[3]) ?? 1 : 1
let archive = try Archive.open(at: arguments[1])
let probes: [(LookupField, String)] = try String(contentsOfFile: arguments[2], encoding: .utf8)
    .split(separator: "\n")
    .compactMap { line in
        let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return nil }
        switch parts[0] {
        case "email": return (.email, parts[1])
        case "order": return (.orderNo, parts[1])
        case "phone": return (.phone, parts[1])
        default: return nil
        }
    }

func micros(_ duration: Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) * 1e6 + Double(attoseconds) / 1e12
}

func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
    sorted[min(sorted.count - 1, Int((Double(sorted.count) * fraction).rounded(.up)) - 1)]
}

// One untimed pass warms SQLite's page cache, as a long-running lookup session would have it.
for (field, value) in probes { _ = try archive.find(field, value) }

let clock = ContinuousClock()
print("field     lookups   hits  median_us    p99_us    max_us")
for field in [LookupField.email, .orderNo, .phone] {
    var samples: [Double] = []
    var hits = 0
    for _ in 0..<rounds {
        for (probeField, value) in probes where probeField == field {
            var result: FindResult?
            let elapsed = try clock.measure { result = try archive.find(field, value) }
            samples.append(micros(elapsed))
            if let result, !(result.members.isEmpty && result.orders.isEmpty) { hits += 1 }
        }
    }
    guard !samples.isEmpty else { continue }
    samples.sort()
    let line = [
        field.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0), String(samples.count), String(hits),
        String(format: "%.1f", percentile(samples, 0.5)), String(format: "%.1f", percentile(samples, 0.99)),
        String(format: "%.1f", samples.last!),
    ]
    print(line[0] + line[1...].map { $0.leftPad(to: 10) }.joined())
}

extension String {
    func leftPad(to width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
