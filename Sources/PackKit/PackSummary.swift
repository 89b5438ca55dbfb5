/// What one `pack` run did, for the closing summary (stderr) and `--json`.
public struct PackSummary: Encodable, Sendable {
    /// One input file's figures.
    public struct FileFigures: Encodable, Sendable {
        public var file: String
        public var kind: String
        public var profile: String
        public var encoding: String
        /// Data rows read.
        public var rows: Int
        /// Records sealed (members, or orders made of several rows).
        public var sealedRecords: Int
        /// Rows sealed.
        public var sealedRows: Int
        /// Records left out, by reason code (`not-final-status`, `too-recent`, …).
        public var skipped: [String: Int]
        /// Cells masked in the re-export.
        public var maskedCells: Int
        /// Cells blanked because the platform would not accept their mask.
        public var blankedCells: Int
        /// Fields recognised as already masked in the export.
        public var maskedAtSource: Int
        /// The masked re-export written to `pending/`.
        public var maskedFile: String?

        enum CodingKeys: String, CodingKey {
            case file, kind, profile, encoding, rows, skipped
            case sealedRecords = "sealed_records"
            case sealedRows = "sealed_rows"
            case maskedCells = "masked_cells"
            case blankedCells = "blanked_cells"
            case maskedAtSource = "masked_at_source"
            case maskedFile = "masked_file"
        }
    }

    public var sequence: UInt64
    public var chain: String
    public var bundlePath: String
    public var bundleHash: String
    public var bundleBytes: UInt64
    public var files: [FileFigures]
    public var warnings: [String]
    public var seconds: Double

    enum CodingKeys: String, CodingKey {
        case sequence, chain, files, warnings, seconds
        case bundlePath = "bundle_path"
        case bundleHash = "bundle_hash"
        case bundleBytes = "bundle_bytes"
    }

    /// The closing lines a person reads.
    public var lines: [String] {
        var lines = ["sealed bundle \(sequence) of chain \(chain.prefix(8))…: \(bundlePath) (\(bundleBytes) bytes)"]
        for file in files {
            let skipped = file.skipped.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
            lines.append(
                "  \(file.file) [\(file.profile), \(file.encoding)]: \(file.rows) rows read, \(file.sealedRecords) \(file.kind)s "
                    + "sealed (\(file.sealedRows) rows), \(file.maskedCells) cells masked"
                    + (file.blankedCells > 0 ? ", \(file.blankedCells) blanked for the platform" : "")
                    + (file.maskedAtSource > 0 ? ", \(file.maskedAtSource) fields already masked at source" : "")
                    + (skipped.isEmpty ? "" : "; not yet eligible: \(skipped)"))
        }
        if !warnings.isEmpty { lines.append("  \(warnings.count) warning(s) about the input, listed above") }
        lines.append("  masked re-export waits in pending/ until 'airlock-pack confirm' (took \(String(format: "%.1f", seconds)) s)")
        return lines
    }
}

import Foundation
