import AirlockFormat
import Foundation
import SodiumKit
import TestSupport
import Testing

/// A sample of altered and cut bundles through the real `airlock-unpack import` process: the exit code, the one
/// stderr line and the `--json` failure code. The exhaustive sweep (every header byte, 2,000+ payload and
/// trailer bytes, every chunk boundary) runs in-process in `ArchiveStoreTests.TamperTests`.
@Suite struct TamperCLITests {
    @Test func fiftyFlippedBytesAreEachRefusedWithTheirExitCodeAndOneLine() throws {
        let store = try HostileStore()
        let first = try store.bundle(named: "shop-1.airlock", members: Fixtures.members(2))
        #expect(try store.run("import", first.path).status == 0)
        let second = try store.bundle(
            named: "shop-2.airlock", sequence: 2, previousHash: first.hash, members: Fixtures.members(400, start: 10),
            orders: Fixtures.orders(100), chunkSize: 4096)
        let bytes = try #require(FileSystem.read(second.path))
        let headerLength = 160 + 88
        var random = SeededRandom(seed: 50)
        // Positions whose failure the spec fixes: magic, signer key id, reserved; then the payload and signature.
        var cases: [(offset: Int, code: String, exit: Int32)] =
            (0..<4).map { ($0, "bad-magic", 10) } + (4..<8).map { ($0, "text-mode-damage", 10) }
            + (80..<88).map { ($0, "untrusted-signer", 12) } + [(94, "non-canonical-header", 10), (95, "non-canonical-header", 10)]
        let tail = Array(headerLength..<bytes.count).shuffled(using: &random).prefix(50 - cases.count)
        cases += tail.map { ($0, "bad-signature", 10) }
        #expect(cases.count == 50)

        let target = store.directory.file("tampered.airlock")
        for (offset, code, exit) in cases {
            var copy = bytes
            copy[offset] ^= UInt8.random(in: 1...255, using: &random)
            try Data(copy).write(to: URL(fileURLWithPath: target))
            let result = try store.run("import", target, "--json")
            #expect(result.status == exit, "byte \(offset): \(result.stderr)")
            #expect(result.stderr.lines.count == 1, "byte \(offset): \(result.stderr)")
            #expect(result.stderr.hasPrefix("REJECTED \(target): "), "byte \(offset): \(result.stderr)")
            #expect(result.stdout.contains("\"code\" : \"\(code)\""), "byte \(offset): \(result.stdout)")
        }
        let check = try store.run("check")
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("(1 bundles, "))
        let log = try store.run("log", "--json")
        #expect(log.stdout.components(separatedBy: "\"reject\"").count - 1 == 50)
        let imported = try store.run("import", second.path)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stderr.contains("400 members, 100 orders"))
    }

    @Test func cutFilesAreRefusedByTheCommand() throws {
        let store = try HostileStore()
        let bundle = try store.bundle(named: "shop-1.airlock", members: Fixtures.members(300), chunkSize: 4096)
        let bytes = try #require(FileSystem.read(bundle.path))
        var random = SeededRandom(seed: 0xC07)
        let cuts = [0, 3, 8, 100, 248, 248 + 4113, bytes.count - 64, bytes.count - 1]
            + (0..<8).map { _ in Int.random(in: 249..<bytes.count, using: &random) }
        for cut in cuts {
            let path = store.directory.write(Array(bytes[0..<cut]), to: "cut-\(cut).airlock")
            let result = try store.run("import", path)
            #expect(result.status == 10, "cut at \(cut): \(result.stderr)")
            #expect(result.stderr.lines.count == 1)
            #expect(result.stderr.contains("truncated") || result.stderr.contains("signature")
                || result.stderr.contains("not an Airlock bundle"), "cut at \(cut): \(result.stderr)")
        }
        #expect(try store.run("check").status == 0)
        #expect(try store.run("import", bundle.path).status == 0)
    }
}
