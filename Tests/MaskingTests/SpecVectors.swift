import Foundation
import Masking
import Testing

/// One row of a *(vectors)* table in `Spec/masking.md`: a rule, an input and the expected output.
struct RuleVector: Sendable, CustomTestStringConvertible {
    /// The rule as written in the spec (JSON).
    let ruleJSON: String
    /// The rule, read through the public policy loader.
    let rule: MaskRule
    let input: String
    let output: String
    /// Line number in the spec, to find a failing row.
    let line: Int

    var testDescription: String { "masking.md:\(line) \(ruleJSON) \(input.debugDescription)" }
}

/// The rule vectors of `Spec/masking.md`, read by path so that the spec and the tests cannot drift apart.
enum SpecVectors {
    /// The spec's location, found from this file's.
    static let specURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Spec/masking.md")

    /// The spec's text, or empty when missing (then the count test fails).
    static let specText: String = (try? String(contentsOf: specURL, encoding: .utf8)) ?? ""

    /// Every vector row, in spec order.
    static let all: [RuleVector] = {
        var vectors: [RuleVector] = []
        for (index, line) in specText.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard line.hasPrefix("| `{") else { continue }
            let cells = line.dropFirst(2).dropLast(2).components(separatedBy: " | ")
            guard cells.count == 3 else { continue }
            let ruleJSON = String(cells[0].dropFirst().dropLast())
            let policyJSON = "{\"version\":1,\"members\":{\"f\":\(ruleJSON)}}"
            guard let policy = try? MaskingPolicy.decode(json: Data(policyJSON.utf8)) else { continue }
            vectors.append(
                RuleVector(
                    ruleJSON: ruleJSON, rule: policy.rule(for: "f", kind: .members), input: cell(cells[1]),
                    output: cell(cells[2]), line: index + 1))
        }
        return vectors
    }()

    /// The vectors of one rule (`"rule":"<name>"`).
    static func rows(_ name: String) -> [RuleVector] {
        all.filter { $0.ruleJSON.contains("\"rule\":\"\(name)\"") }
    }

    /// A table cell's value: `(empty)`, or a code span with `\n`, `\r` and `\u{XXXX}` escapes.
    static func cell(_ text: String) -> String {
        if text == "(empty)" { return "" }
        var rest = Substring(text.dropFirst().dropLast())
        var result = ""
        while let slash = rest.firstIndex(of: "\\") {
            result += rest[..<slash]
            rest = rest[rest.index(after: slash)...]
            if rest.hasPrefix("n") {
                result += "\n"
                rest = rest.dropFirst()
            } else if rest.hasPrefix("r") {
                result += "\r"
                rest = rest.dropFirst()
            } else if rest.hasPrefix("u{"), let close = rest.firstIndex(of: "}") {
                let hex = rest[rest.index(rest.startIndex, offsetBy: 2)..<close]
                result.unicodeScalars.append(Unicode.Scalar(UInt32(hex, radix: 16)!)!)
                rest = rest[rest.index(after: close)...]
            } else {
                result += "\\"
            }
        }
        return result + rest
    }
}
