import AirlockFormat
import Foundation
import SodiumKit
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// SIGKILL at seeded random moments, against the real executables: the importer's archive and the packer's
/// state folder and output folder are consistent after every kill, and the next run finishes the job exactly once.
///
/// Kill moments are spread over the length of one uninterrupted run, measured first on a scratch copy: that
/// measurement only aims the kills, it is never asserted.
@Suite(.serialized) struct CrashTests {
    static let importKills = 20
    static let packKills = 20

    /// Runs `tool arguments` once and returns how long it took, failing unless it exits 0.
    static func timedRun(_ tool: String, _ arguments: [String]) throws -> Double {
        let start = Date()
        let outcome = try Spawned.run(tool, arguments)
        guard outcome.status == 0 else { throw Failure(text: "\(tool) \(arguments): \(outcome.stderr)") }
        return Date().timeIntervalSince(start)
    }

    struct Failure: Error, CustomStringConvertible {
        var text: String
        var description: String { text }
    }

    /// Starts `tool`, kills it after `delay` seconds; returns whether the kill hit a running process.
    static func kill(_ tool: String, _ arguments: [String], after delay: Double) throws -> (killed: Bool, Spawned.Outcome) {
        let process = try Spawned(tool, arguments)
        usleep(useconds_t(delay * 1_000_000))
        process.kill()
        let outcome = process.wait()
        return (outcome.signal == SIGKILL, outcome)
    }

    @Test func killingTheImporterNeverLeavesAHalfImportedBundle() throws {
        let store = try HostileStore()
        // 660 records take about a second to import in a debug build: long enough for kills to land while the
        // importer verifies, copies, decrypts, ingests and commits, short enough for 20 kills and the checks.
        let members = 600
        let bundle = try store.bundle(named: "big.airlock", members: Fixtures.members(members), orders: Fixtures.orders(60))
        let scratch = store.directory.file("scratch")
        try store.initStore(at: scratch)
        let duration = try Self.timedRun("airlock-unpack", ["import", bundle.path, "--store", scratch])

        var random = SeededRandom(seed: 0x4B11_1111)
        var stores = [store.store]
        var kills = 0
        var attempts = 0
        while kills < Self.importKills {
            attempts += 1
            try #require(attempts < Self.importKills * 3, "the importer kept finishing before the kill")
            let current = stores.last!
            let delay = duration * Double.random(in: 0.02...0.8, using: &random)
            let (killed, outcome) = try Self.kill("airlock-unpack", ["import", bundle.path, "--store", current], after: delay)
            if killed { kills += 1 } else { #expect(outcome.status == 0, "\(outcome.stderr)") }
            // The archive opens and is sound; it holds the bundle completely or not at all.
            let check = try store.run("check", store: current)
            #expect(check.status == 0, "after a kill at \(delay) s: \(check.stderr)")
            if check.stdout.contains("(1 bundles, ") {
                #expect(check.stdout.contains(" \(members + 60) records compared"), "\(check.stdout)")
                // Committed before the kill: go on killing imports into a fresh archive.
                let next = store.directory.file("store-\(stores.count)")
                try store.initStore(at: next)
                stores.append(next)
            } else {
                #expect(check.stdout.contains("(0 bundles, 1 audit entries, 0 records compared)"), "\(check.stdout)")
            }
            // Never a final bundle file the index does not hold. A `.partial` copy may remain: of an uncommitted
            // import until the next import removes it, of a committed one until the next import renames it
            // (Spec/archive.md §5); `check` notes both and passes.
            if check.stdout.contains("(0 bundles, ") {
                #expect(try FileSystem.list(current + "/bundles").allSatisfy { $0.hasPrefix(".") })
            }
        }
        // Every archive that was ever killed now takes the bundle exactly once.
        for current in stores {
            let imported = try store.run("import", bundle.path, store: current)
            #expect(imported.status == 0, "\(imported.stderr)")
            let check = try store.run("check", store: current)
            #expect(check.status == 0, "\(check.stderr)")
            #expect(check.stdout.contains("(1 bundles, "), "\(check.stdout)")
            #expect(check.stdout.contains(" \(members + 60) records compared"), "\(check.stdout)")
            let log = try store.run("log", "--json", store: current)
            #expect(log.stdout.components(separatedBy: "\"event\" : \"import\"").count - 1 == 1)
            #expect(try FileSystem.list(current + "/bundles").filter { $0.hasSuffix(".airlock") && !$0.hasPrefix(".") }.count == 1)
            #expect(try FileSystem.list(current + "/bundles").allSatisfy { !$0.hasPrefix(".") })
        }
        #expect(kills == Self.importKills)
    }

    /// A members export in the `airlock` layout with `count` generated rows (no line breaks inside cells).
    static func membersCSV(_ count: Int) -> String {
        var text = "member_id,account,email,name,name_kana,gender,birthday,phone,mobile,postal_code,address,level,points,"
            + "registered_at,updated_at,status\n"
        let names = ["陳美玲", "林志偉", "山田 太郎", "佐藤 花子", "王小明"]
        let addresses = ["台北市大安區忠孝東路四段100號5樓", "東京都新宿区西新宿2-8-1", "大阪府大阪市北区梅田1-1"]
        for index in 1...count {
            let id = String(format: "M%06d", index)
            text += "\(id),user\(index),user\(index)@example.jp,\(names[index % 5]),,female,1990-04-12,"
                + "02-2700-\(String(format: "%04d", index % 10_000)),0912-345-\(String(format: "%03d", index % 1000)),106,"
                + "\(addresses[index % 3]),gold,\(index),2024-03-01 10:15:00,2026-11-20 09:00:00,active\n"
        }
        return text
    }

    /// JSON object of a state file.
    static func json(_ path: String) throws -> [String: Any] {
        let data = try #require(FileManager.default.contents(atPath: path))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The packer's invariants, checked after every kill: only complete bundles under final names in `--out`;
    /// `pending/` folders only for sequences the state knows; `chain.json` names a bundle that exists.
    static func expectPackInvariants(state: String, out: String, signer: SigningPublicKey, rows: Int) throws {
        for name in try FileSystem.list(out) where !name.hasPrefix(".") {
            #expect(name.hasSuffix(".airlock"), "\(name)")
            do {
                _ = try BundleVerifier.verify(path: out + "/" + name, trustedSigners: [signer])
            } catch {
                Issue.record("\(name) in --out is not a complete bundle: \(error)")
            }
        }
        let entries = try FileSystem.list(state + "/bundles").filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
        for name in entries {
            let entry = try json(state + "/bundles/" + name)
            let status = entry["status"] as? String
            #expect(status == "sent" || status == "reserved", "\(name): \(entry)")
            if status == "sent" {
                let bundle = try #require(entry["bundle_path"] as? String)
                #expect(FileManager.default.fileExists(atPath: bundle), "\(name) is sent but \(bundle) is missing")
                let pending = state + "/pending/" + name.dropLast(".json".count)
                for file in entry["masked_files"] as? [String] ?? [] {
                    let text = try String(contentsOfFile: pending + "/" + file, encoding: .utf8)
                    #expect(text.lines.count == rows + 1, "\(pending)/\(file) is incomplete")
                }
            }
        }
        let known = Set(entries.map { String($0.dropLast(".json".count)) })
        for folder in try FileSystem.list(state + "/pending") where !folder.hasPrefix(".") {
            #expect(known.contains(folder), "pending/\(folder) belongs to no bundle entry")
        }
        if FileManager.default.fileExists(atPath: state + "/chain.json") {
            let chain = try json(state + "/chain.json")
            let last = try #require(chain["last_sequence"] as? Int)
            if last > 0 {
                let entry = try json(state + "/bundles/" + String(format: "%08d", last) + ".json")
                #expect(entry["status"] as? String == "sent")
                #expect(entry["bundle_hash"] as? String == chain["last_hash"] as? String)
            }
        }
    }

    @Test func killingThePackerNeverLeavesAHalfWrittenBundleOrABrokenState() throws {
        let store = try HostileStore()
        // About a second per run in a debug build: kills land in both passes, the masking and the final renames.
        let rows = 1_000
        let csv = store.directory.write(Array(Self.membersCSV(rows).utf8), to: "members.csv")
        func arguments(state: String, out: String) -> [String] {
            ["pack", "--members", csv, "--to", store.directory.file("offline.pub"), "--key", store.directory.file("packer.key"),
                "--state", state, "--out", out, "--as-of", "2026-11-25"]
        }
        let duration = try Self.timedRun(
            "airlock-pack", arguments(state: store.directory.file("scratch-state"), out: store.directory.file("scratch-out")))
        let state = store.directory.file("state")
        let out = store.directory.file("out")

        var random = SeededRandom(seed: 0x9AC4)
        var kills = 0
        var finished = 0
        while kills < Self.packKills {
            try #require(kills + finished < Self.packKills * 3, "the packer kept finishing before the kill")
            let delay = duration * Double.random(in: 0.02...1.0, using: &random)
            let (killed, outcome) = try Self.kill("airlock-pack", arguments(state: state, out: out), after: delay)
            if killed { kills += 1 } else {
                #expect(outcome.status == 0, "\(outcome.stderr)")
                finished += 1
            }
            try Self.expectPackInvariants(state: state, out: out, signer: store.packer.publicKey, rows: rows)
        }

        // The next run recovers what the kills left and takes the next sequence.
        let bundlesBefore = try FileSystem.list(out).filter { !$0.hasPrefix(".") }.count
        let final = try Spawned.run("airlock-pack", arguments(state: state, out: out) + ["--json"])
        #expect(final.status == 0, "\(final.stderr)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(final.stdout.utf8)) as? [String: Any])
        let sequence = try #require(summary["sequence"] as? Int)
        #expect(sequence == bundlesBefore + 1, "bundles before: \(bundlesBefore)")
        try Self.expectPackInvariants(state: state, out: out, signer: store.packer.publicKey, rows: rows)

        // The bundles in --out form one unbroken chain 1…sequence, each recorded as sent, with no leftovers.
        let names = try FileSystem.list(out).filter { !$0.hasPrefix(".") }.sorted()
        #expect(names.count == sequence)
        var previous = [UInt8](repeating: 0, count: 32)
        for (index, name) in names.enumerated() {
            let verified = try BundleVerifier.verify(path: out + "/" + name, trustedSigners: [store.packer.publicKey])
            #expect(verified.header.sequence == UInt64(index + 1))
            #expect(verified.header.previousHash == previous, "\(name) does not link to the bundle before it")
            previous = verified.bundleHash
            let entry = try Self.json(state + "/bundles/" + String(format: "%08d", index + 1) + ".json")
            #expect(entry["status"] as? String == "sent")
            #expect(entry["bundle_hash"] as? String == Hex.encode(verified.bundleHash))
        }
        #expect(try FileSystem.list(out).filter { $0.hasPrefix(".") }.isEmpty, "temporary files left in --out")
        #expect(try FileSystem.list(state + "/pending").count == sequence)
        #expect(kills == Self.packKills)
    }
}
