import AirlockFormat
import Foundation
import SodiumKit
import TestSupport
import Testing

/// Damaged exports through `airlock-pack pack` and `inspect`: one stderr line naming file, row and column,
/// exit 65, and nothing written — no bundle in `--out`, nothing in `pending/`, no reserved sequence.
@Suite struct BadCSVTests {
    static let header = "member_id,account,email,name,name_kana,gender,birthday,phone,mobile,postal_code,address,level,points,"
        + "registered_at,updated_at,status"

    /// Personal values of the generated rows; no error may print any of them.
    static let personal = ["陳美玲", "林志偉", "山田 太郎", "0912-345-678", "02-2700-1234", "台北市大安區忠孝東路四段100號5樓",
        "東京都新宿区西新宿2-8-1", "meiling.chen@example.com"]

    /// Row `index` (1-based data row, i.e. CSV row index + 1) as UTF-8 cells.
    static func row(_ index: Int) -> [String] {
        let names = ["陳美玲", "林志偉", "山田 太郎"]
        let addresses = ["台北市大安區忠孝東路四段100號5樓", "東京都新宿区西新宿2-8-1"]
        return ["M000\(index)", "user\(index)", index == 1 ? "meiling.chen@example.com" : "user\(index)@example.jp",
            names[index % 3], "", "female", "1990-04-12", "02-2700-1234", "0912-345-678", "106", addresses[index % 2], "gold",
            "10", "2024-03-01 10:15:00", "2026-11-20 09:00:00", "active"]
    }

    /// A file of the header and four rows; `edit` may change the bytes of data row 2 (the file's row 3).
    static func file(rows: Int = 4, lineEnding: String = "\n", edit: (inout [[UInt8]]) -> Void = { _ in }) -> [UInt8] {
        var row3 = row(2).map { Array($0.utf8) }
        edit(&row3)
        var lines = [Array(header.utf8)]
        for index in 1...rows { lines.append(index == 2 ? Array(row3.joined(separator: [0x2C])) : Array(row(index).joined(separator: ",").utf8)) }
        return Array(lines.joined(separator: Array(lineEnding.utf8))) + Array(lineEnding.utf8)
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var bytes: [UInt8]
        var options: [String] = []
        /// What the one stderr line must contain besides the file name.
        var location: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "empty file", bytes: [], location: ["empty"]),
        Case(name: "duplicate header name", bytes: Array((header.replacingOccurrences(of: "name_kana", with: "email") + "\n").utf8) + file().dropFirst(header.utf8.count + 1),
            location: ["row 1", "column 5"]),
        Case(name: "empty header name", bytes: Array((header.replacingOccurrences(of: "name_kana", with: " ") + "\n").utf8) + file().dropFirst(header.utf8.count + 1),
            location: ["row 1", "column 5"]),
        Case(name: "ragged row", bytes: file { $0.append(Array("extra".utf8)) }, location: ["row 3", "17 cells"]),
        Case(name: "unbalanced quote", bytes: file { $0[3] = [0x22] + $0[3] }, location: ["row 3", "column 4"]),
        Case(name: "bytes invalid in UTF-8", bytes: file { $0[3] += [0xFF, 0xFE] }, options: ["--encoding", "utf-8"],
            location: ["row 3", "column 4"]),
        Case(name: "bytes invalid in CP932", bytes: file { $0[3] = [0x82, 0xA0, 0x81] }, options: ["--encoding", "cp932"],
            location: ["row 3", "column 4"]),
        Case(name: "NUL byte", bytes: file { $0[3] += [0] }, location: ["row 3", "column 4"]),
        Case(name: "field over 65,536 bytes", bytes: file { $0[10] = Array(repeating: 0x41, count: 70_000) },
            location: ["row 3", "column 11"]),
        Case(name: "BOM in the middle", bytes: file { $0[3] = [0xEF, 0xBB, 0xBF] + $0[3] }, location: ["row 3", "column 4"]),
        Case(name: "a profile that does not match", bytes: file(), options: ["--profile", "shopify"], location: []),
    ]

    func setUp() throws -> HostileStore { try HostileStore() }

    func pack(_ store: HostileStore, csv: String, options: [String] = []) throws -> Executable.Result {
        try Executable("airlock-pack").run(
            ["pack", "--members", csv, "--to", store.directory.file("offline.pub"), "--key", store.directory.file("packer.key"),
                "--state", store.directory.file("state"), "--out", store.directory.file("out"), "--as-of", "2026-11-25"]
                + options)
    }

    /// Nothing was written: no bundle, nothing pending, no sequence reserved.
    func expectNothingWritten(_ store: HostileStore, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let out = store.directory.file("out")
        if FileManager.default.fileExists(atPath: out) {
            #expect(try FileSystem.list(out).isEmpty, sourceLocation: sourceLocation)
        }
        let state = store.directory.file("state")
        if FileManager.default.fileExists(atPath: state) {
            #expect(try FileSystem.list(state + "/pending").isEmpty, sourceLocation: sourceLocation)
            #expect(try FileSystem.list(state + "/bundles").isEmpty, sourceLocation: sourceLocation)
        }
    }

    static func expectNoPersonalValues(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for value in personal {
            #expect(!text.contains(value), "stderr shows '\(value)': \(text)", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: cases)
    func aDamagedExportIsOneLineAndNoOutput(_ bad: Case) throws {
        let store = try setUp()
        let csv = store.directory.write(bad.bytes, to: "members.csv")
        let result = try pack(store, csv: csv, options: bad.options)
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.lines.count == 1, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("airlock-pack: error: members.csv"), "\(result.stderr)")
        for fragment in bad.location { #expect(result.stderr.contains(fragment), "missing '\(fragment)': \(result.stderr)") }
        Self.expectNoPersonalValues(result.stderr)
        try expectNothingWritten(store)

        let inspect = try Executable("airlock-pack").run(["inspect", csv] + bad.options)
        #expect(inspect.status == 65, "\(inspect.stderr)")
        #expect(inspect.stderr.lines.count == 1, "\(inspect.stderr)")
        #expect(inspect.stderr.contains("members.csv"), "\(inspect.stderr)")
        Self.expectNoPersonalValues(inspect.stderr)
    }

    @Test func aHeaderOnlyExportIsValidAndNothingIsEligible() throws {
        let store = try setUp()
        let csv = store.directory.write(Array((Self.header + "\n").utf8), to: "members.csv")
        let result = try pack(store, csv: csv)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("nothing is eligible"))
        try expectNothingWritten(store)
    }

    @Test func mixedLineEndingsAreAWarningAndTheBundleIsWritten() throws {
        let store = try setUp()
        var bytes = Self.file(lineEnding: "\r\n")
        // Turn the CRLF ending row 3 into a lone LF.
        let row3 = Array(Self.row(2).joined(separator: ",").utf8) + [0x0D, 0x0A]
        let start = try #require(bytes.firstRange(of: row3))
        bytes.remove(at: start.upperBound - 2)
        let csv = store.directory.write(bytes, to: "members.csv")
        let result = try pack(store, csv: csv)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("airlock-pack: warning: members.csv"), "\(result.stderr)")
        #expect(result.stderr.contains("line ending"), "\(result.stderr)")
        #expect(!result.stderr.contains("warning: warning:"), "\(result.stderr)")
        Self.expectNoPersonalValues(result.stderr)
        #expect(try FileSystem.list(store.directory.file("out")).count == 1)
    }
}
