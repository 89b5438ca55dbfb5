import AirlockFormat
import Foundation
import TestSupport
import Testing

/// `airlock-pack pack` the examples, `airlock-unpack import` them, then `airlock-unpack export` as a user would.
@Suite struct ExportCommandTests {
    let directory = TemporaryDirectory("airlock-e2e-export")
    let runner = CommandRunner()
    var store: String { directory.file("store") }

    /// Keys, a store, and one bundle packed from `members` and `orders` (paths) with the real packer, imported.
    func prepare(members: String, orders: String? = nil, profile: String? = nil) throws {
        let offline = Fixtures.offline()
        let packer = Fixtures.packer()
        try SecretKeyFile.write(offline, to: directory.file("offline.key"), protection: .none)
        try SecretKeyFile.write(packer, to: directory.file("packer.key"), protection: .none)
        directory.write(Array(PublicKeyText.file(offline.publicIdentity).utf8), to: "offline.pub")
        directory.write(Array(PublicKeyText.file(packer: packer.publicKey).utf8), to: "packer.pub")
        try FileManager.default.createDirectory(atPath: directory.file("usb"), withIntermediateDirectories: true)
        var arguments = [
            "pack", "--members", members, "--to", directory.file("offline.pub"), "--key", directory.file("packer.key"),
            "--state", directory.file("state"), "--out", directory.file("usb"), "--as-of", "2026-11-25",
        ]
        if let orders { arguments += ["--orders", orders] }
        if let profile { arguments += ["--profile", profile] }
        let packed = try runner.run("airlock-pack", arguments)
        try #require(packed.status == 0, "\(packed.stderr)")
        let created = try runner.unpack(
            "init", "--store", store, "--key", directory.file("offline.key"), "--trust", directory.file("packer.pub"))
        try #require(created.status == 0, "\(created.stderr)")
        let bundles = try FileManager.default.contentsOfDirectory(atPath: directory.file("usb"))
            .filter { $0.hasSuffix(".airlock") }.map { directory.file("usb/" + $0) }
        let imported = try runner.run("airlock-unpack", ["import", "--store", store] + bundles)
        try #require(imported.status == 0, "\(imported.stderr)")
    }

    func export(_ arguments: String...) throws -> CommandRunner.Result {
        try runner.run("airlock-unpack", ["export", "--store", store] + arguments)
    }

    @Test func aFullExportGivesBackTheExampleAndIsAudited() throws {
        try prepare(members: RepositoryPaths.example("airlock/members.csv"), orders: RepositoryPaths.example("airlock/orders.csv"))
        for (kind, example, key) in [("members", "airlock/members.csv", "member_id"), ("orders", "airlock/orders.csv", "order_no")] {
            let out = directory.file("\(kind).csv")
            let result = try export("--kind", kind, "--out", out, "--no-spreadsheet-safe")
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.contains("exported"))
            let mode = try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? Int
            #expect(mode == 0o600)
            let input = try SimpleCSV(path: RepositoryPaths.example(example))
            let output = try SimpleCSV(path: out)
            #expect(output.header == input.header)
            let keyIndex = try #require(input.header.firstIndex(of: key))
            let inputRows = Dictionary(grouping: input.rows) { $0[keyIndex] }
            let outputRows = Dictionary(grouping: output.rows) { $0[keyIndex] }
            #expect(outputRows.count > 3)
            for (id, rows) in outputRows { #expect(rows == inputRows[id], "\(id)") }
        }
        let log = try runner.unpack("log", "--store", store)
        #expect(log.stdout.contains("export"))
        #expect(log.stdout.contains("members.csv"))
        #expect(!log.stdout.contains("陳美玲"))
    }

    @Test func twoExportsAreByteIdentical() throws {
        try prepare(members: RepositoryPaths.example("airlock/members.csv"), orders: RepositoryPaths.example("airlock/orders.csv"))
        for arguments in [["--kind", "orders"], ["--kind", "members", "--format", "jsonl", "--history"], ["--kind", "members", "--masked"]] {
            let first = directory.file("first-\(UUID().uuidString)")
            let second = directory.file("second-\(UUID().uuidString)")
            #expect(try runner.run("airlock-unpack", ["export", "--store", store, "--out", first] + arguments).status == 0)
            #expect(try runner.run("airlock-unpack", ["export", "--store", store, "--out", second] + arguments).status == 0)
            #expect(try Data(contentsOf: URL(fileURLWithPath: first)) == Data(contentsOf: URL(fileURLWithPath: second)))
        }
    }

    @Test func aCharacterCP932CannotHoldStopsTheExportWithExit65AndNoFile() throws {
        try prepare(members: RepositoryPaths.example("airlock/members.csv"))
        let out = directory.file("members-cp932.csv")
        // 黃 (U+9EC3, Traditional) is not in CP932, which has only 黄 (U+9EC4).
        let result = try export("--kind", "members", "--encoding", "cp932", "--out", out)
        #expect(result.status == 65)
        #expect(result.stderr.contains("record M0007, column 'name'"))
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(!result.stderr.contains("黃"))
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).allSatisfy { !$0.hasPrefix(".members-cp932") })
    }

    @Test func theECCubeExampleComesBackInCP932() throws {
        try prepare(members: RepositoryPaths.example("ec-cube/member.csv"), orders: RepositoryPaths.example("ec-cube/order.csv"))
        for (kind, example) in [("members", "ec-cube/member.utf8.txt"), ("orders", "ec-cube/order.utf8.txt")] {
            let out = directory.file("\(kind)-ec-cube.csv")
            let result = try export("--kind", kind, "--profile", "ec-cube", "--encoding", "cp932", "--out", out, "--no-spreadsheet-safe")
            #expect(result.status == 0, "\(result.stderr)")
            let bytes = try Data(contentsOf: URL(fileURLWithPath: out))
            #expect(String(data: bytes, encoding: .utf8) == nil)  // really CP932, not UTF-8
            let decoded = try SimpleCSV(text: try Self.iconv(out, from: "CP932"))
            let input = try SimpleCSV(path: RepositoryPaths.example(example))
            for name in input.header where !["password", "salt"].contains(name) {
                #expect(decoded.header.contains(name), "\(name)")
            }
            #expect(!decoded.header.contains("password"))
            guard kind == "members" else { continue }
            let inputRows = Dictionary(grouping: input.rows) { $0[0] }
            let keyColumn = try #require(decoded.header.firstIndex(of: input.header[0]))
            #expect(decoded.rows.count == input.rows.count)
            for row in decoded.rows {
                let source = try #require(inputRows[row[keyColumn]]?.first)
                for (index, name) in input.header.enumerated() where !["password", "salt"].contains(name) {
                    let column = try #require(decoded.header.firstIndex(of: name))
                    #expect(row[column] == source[index], "\(row[keyColumn]) \(name)")
                }
            }
        }
    }

    @Test func spreadsheetSafetyIsOnByDefaultForCSVAndJSONLinesIsExact() throws {
        let members = directory.write(Array("""
            member_id,email,name,registered_at,memo
            X1,a@example.jp,=cmd|' /C calc'!A0,2025-01-01 10:00:00,@SUM(1+1)

            """.utf8), to: "tricky.csv")
        try prepare(members: members, profile: "airlock")
        #expect(try export("--kind", "members", "--out", directory.file("safe.csv")).status == 0)
        #expect(try export("--kind", "members", "--out", directory.file("exact.csv"), "--no-spreadsheet-safe").status == 0)
        #expect(try export("--kind", "members", "--out", directory.file("m.jsonl"), "--format", "jsonl").status == 0)
        let safe = try SimpleCSV(path: directory.file("safe.csv"))
        let exact = try SimpleCSV(path: directory.file("exact.csv"))
        let name = try #require(safe.header.firstIndex(of: "name"))
        let memo = try #require(safe.header.firstIndex(of: "memo"))
        #expect(safe.rows[0][name] == "'=cmd|' /C calc'!A0")
        #expect(safe.rows[0][memo] == "'@SUM(1+1)")
        #expect(exact.rows[0][name] == "=cmd|' /C calc'!A0")
        #expect(exact.rows[0][memo] == "@SUM(1+1)")
        let lines = try String(contentsOfFile: directory.file("m.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 1)
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
            #expect(object["name"] == "=cmd|' /C calc'!A0")
            #expect(object["memo"] == "@SUM(1+1)")
        }
    }

    @Test func maskedAndFilteredExports() throws {
        try prepare(members: RepositoryPaths.example("airlock/members.csv"))
        let out = directory.file("masked.csv")
        #expect(try export("--kind", "members", "--masked", "--out", out).status == 0)
        let text = try String(contentsOfFile: out, encoding: .utf8)
        for name in ["陳美玲", "林志偉", "山田 太郎", "0912-345-678", "台北市大安區忠孝東路四段100號5樓"] {
            #expect(!text.contains(name), "\(name)")
        }
        #expect(text.contains("陳***"))
        let window = directory.file("2025.jsonl")
        let filtered = try export("--kind", "members", "--format", "jsonl", "--since", "2025-01-01", "--until", "2025-12-31", "--out", window)
        #expect(filtered.status == 0, "\(filtered.stderr)")
        let ids = try String(contentsOfFile: window, encoding: .utf8).split(separator: "\n").map { line in
            (try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])?["member_id"]
        }
        #expect(ids == ["M0002", "M0006"])
    }

    @Test(arguments: [
        ["--kind", "members", "--since", "2025-13-01"],
        ["--kind", "members", "--since", "2025-02-01", "--until", "2025-01-01"],
        ["--kind", "members", "--format", "jsonl", "--encoding", "cp932"],
        ["--kind", "members", "--policy", "p.json"],
        ["--kind", "people"],
    ])
    func wrongCommandLinesExit64(_ arguments: [String]) throws {
        let out = directory.file("never.csv")
        let result = try runner.run("airlock-unpack", ["export", "--store", store, "--out", out] + arguments)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    /// A file's text converted to UTF-8 by the system's iconv.
    static func iconv(_ path: String, from encoding: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", encoding, "-t", "UTF-8", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

/// A minimal RFC 4180 reader for UTF-8 test files: quoted fields, doubled quotes, line breaks inside quotes,
/// CRLF or LF between records, an optional byte order mark.
struct SimpleCSV {
    var header: [String]
    var rows: [[String]]

    init(path: String) throws {
        try self.init(text: try String(contentsOfFile: path, encoding: .utf8))
    }

    init(text: String) throws {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text.unicodeScalars)[...]
        if characters.first == "\u{FEFF}" { characters = characters.dropFirst() }
        var iterator = characters.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let scalar = pending {
                pending = nil
                return scalar
            }
            return iterator.next()
        }
        while let scalar = next() {
            if quoted {
                if scalar == "\"" {
                    let after = next()
                    if after == "\"" {
                        field.unicodeScalars.append("\"")
                    } else {
                        quoted = false
                        pending = after
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
            } else if scalar == "\"" {
                quoted = true
            } else if scalar == "," {
                record.append(field)
                field = ""
            } else if scalar == "\r" || scalar == "\n" {
                if scalar == "\r" {
                    let after = next()
                    if after != "\n" { pending = after }
                }
                record.append(field)
                records.append(record)
                record = []
                field = ""
            } else {
                field.unicodeScalars.append(scalar)
            }
        }
        if !field.isEmpty || !record.isEmpty {
            record.append(field)
            records.append(record)
        }
        guard let first = records.first else { throw CocoaError(.fileReadCorruptFile) }
        header = first
        rows = Array(records.dropFirst())
    }
}
