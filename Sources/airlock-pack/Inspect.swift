import AirlockCLI
import ArgumentParser
import Foundation
import Masking
import ShopData

extension AirlockPack {
    struct Inspect: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Dry run: show how a CSV export will be read, mapped and masked, without sealing anything.",
            discussion: """
                Shows the detected encoding, line ending and profile, the header, the row count, which column \
                feeds which field and which fields will be masked, and the first rows. With --json, prints the \
                parsed rows as a JSON array of objects keyed by header, values as strings, in file order.

                Example: airlock-pack inspect exports/order.csv --encoding cp932
                """)

        @Argument(help: ArgumentHelp("The CSV export.", valueName: "file.csv"))
        var file: String

        @OptionGroup var reading: ReadingOptions

        @Option(help: ArgumentHelp("How many rows to show.", valueName: "n"))
        var rows = 5

        @Flag(help: "Print every parsed row as JSON on stdout.")
        var json = false

        func run() throws {
            try Report.running("airlock-pack") {
                let reader = try ShopFileReader(
                    url: URL(fileURLWithPath: file), profile: try reading.resolvedProfile(),
                    encoding: try reading.resolvedEncoding())
                if json {
                    try printJSON(reader)
                } else {
                    try printReport(reader, policy: try reading.resolvedPolicy())
                }
            }
        }

        private func printJSON(_ reader: ShopFileReader) throws {
            let keys = reader.csv.header.keys.map(Self.jsonString)
            var first = true
            print("[", terminator: "")
            while let row = try reader.csv.next() {
                let members = zip(keys, row.values).map { "\($0): \(Self.jsonString($1))" }.joined(separator: ", ")
                print((first ? "\n  {" : ",\n  {") + members + "}", terminator: "")
                first = false
            }
            print(first ? "]" : "\n]")
        }

        private func printReport(_ reader: ShopFileReader, policy: MaskingPolicy) throws {
            let csv = reader.csv
            let layout = reader.mapper.layout
            let kind: Masking.RecordKind = reader.kind == .members ? .members : .orders
            let credentials = Set(reader.mapper.credentialColumns)
            print("file:        \(file)")
            print("encoding:    \(csv.dialect.encoding.displayName)\(csv.dialect.byteOrderMark ? " with BOM" : ""), "
                + "line ending \(csv.dialect.lineEnding.rawValue.uppercased()), quoting \(csv.dialect.quoting.rawValue)")
            print("profile:     \(reader.profile.name) (\(reader.kind.rawValue)), key column: \(layout.key.rawValue)")
            print("columns:")
            for (index, name) in csv.header.names.enumerated() {
                let fields = layout.columns[name] ?? []
                let note: String
                if credentials.contains(index) {
                    note = "credential: never sealed, re-exported unchanged"
                } else if fields.isEmpty {
                    note = "unmapped: sealed as it is"
                } else {
                    let masked = fields.compactMap { field -> String? in
                        let rule = policy.rule(for: field.rawValue, kind: kind)
                        if case .keep = rule { return nil }
                        return "\(field.rawValue) masked (\(Self.name(of: rule)))"
                    }
                    note = "→ " + fields.map(\.rawValue).joined(separator: ", ") + (masked.isEmpty ? "" : "; " + masked.joined(separator: ", "))
                }
                print("  \(String(index + 1).padding(toLength: 3, withPad: " ", startingAt: 0)) \(name)  \(note)")
            }
            var shown: [String] = []
            var count = 0
            while let row = try csv.next() {
                count += 1
                if shown.count < rows {
                    let cells = zip(csv.header.names, row.values).map { "\($0)=\($1.replacingOccurrences(of: "\n", with: "⏎"))" }
                    shown.append("  row \(row.record): " + cells.joined(separator: ", "))
                }
            }
            print("rows:        \(count)")
            if !shown.isEmpty { print("first rows:") }
            shown.forEach { print($0) }
            for warning in csv.warnings { Report.warn("airlock-pack", warning.description) }
        }

        static func name(of rule: MaskRule) -> String {
            switch rule {
            case .keep: "keep"
            case .blank: "blank"
            case .constant: "constant"
            case .partial: "partial"
            case .phone: "phone"
            case .address: "address"
            case .email: "email"
            case .postal: "postal"
            }
        }

        static func jsonString(_ text: String) -> String {
            String(decoding: (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8), as: UTF8.self)
        }
    }
}
