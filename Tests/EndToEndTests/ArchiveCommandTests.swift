import AirlockFormat
import Foundation
import SodiumKit
import TestSupport
import Testing

/// `airlock-unpack` init → import → find → check → log, run as a user would, with exit codes and output.
@Suite struct ArchiveCommandTests {
    let directory = TemporaryDirectory("airlock-e2e-archive")
    let runner = CommandRunner()
    let offline = Fixtures.offline()
    let packer = Fixtures.packer()
    var store: String { directory.file("store") }

    /// Writes the key files and `count` consecutive bundles of one chain; returns the bundle paths.
    func prepare(bundles count: Int = 3) throws -> [String] {
        try SecretKeyFile.write(offline, to: directory.file("offline.key"), protection: .none)
        directory.write(Array(PublicKeyText.file(packer: packer.publicKey).utf8), to: "packer.pub")
        var previous = [UInt8](repeating: 0, count: 32)
        var paths: [String] = []
        for sequence in 1...count {
            let members = sequence == 1 ? Fixtures.members(3) : Fixtures.members(1, start: 10 + sequence)
            let orders = sequence == 1 ? Fixtures.orders(2) : []
            let path = directory.file("shop-\(sequence).airlock")
            let written = try BundleWriter.write(
                path: path,
                parameters: BundleParameters(
                    chainID: Fixtures.chainID, sequence: UInt64(sequence), previousHash: previous,
                    createdAt: 1_764_000_000 + Int64(sequence), recipients: [offline.publicIdentity.recipient]),
                signer: packer.signer, manifest: Fixtures.manifest(members: members, orders: orders),
                records: members + orders)
            previous = written.bundleHash
            paths.append(path)
        }
        return paths
    }

    /// A first bundle of `chain`, signed by `signer`.
    func firstBundle(named name: String, chain: [UInt8], signer: PackerIdentity) throws -> String {
        let path = directory.file(name)
        _ = try BundleWriter.write(
            path: path,
            parameters: BundleParameters(
                chainID: chain, sequence: 1, previousHash: Array(repeating: 0, count: 32), createdAt: 1_764_000_999,
                recipients: [offline.publicIdentity.recipient]),
            signer: signer.signer, manifest: Fixtures.manifest(members: Fixtures.members(1), orders: []),
            records: Fixtures.members(1))
        return path
    }

    func initStore() throws {
        let result = try runner.unpack(
            "init", "--store", store, "--key", directory.file("offline.key"), "--trust", directory.file("packer.pub"))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("created archive"))
        #expect(result.stdout.contains("trusted packer key: \(KeyID(packer.publicKey))"))
    }

    @Test func initImportFindCheckLog() throws {
        let bundles = try prepare()
        try initStore()

        let imported = try runner.unpack("import", bundles[1], bundles[0], "--store", store)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stderr.contains("NEW CHAIN"))
        let first = try #require(imported.stderr.range(of: "shop-1.airlock"))
        let second = try #require(imported.stderr.range(of: "shop-2.airlock"))
        #expect(first.lowerBound < second.lowerBound)
        #expect(FileManager.default.fileExists(atPath: store + "/receipts/10111213-000001.receipt"))
        #expect(FileManager.default.fileExists(atPath: store + "/receipts/10111213-000002.receipt"))

        let again = try runner.unpack("import", bundles[0], "--store", store)
        #expect(again.status == 0)
        #expect(again.stderr.contains("already imported"))

        let byPhone = try runner.unpack("find", "--store", store, "--phone", "+886 912-345-001")
        #expect(byPhone.status == 0, "\(byPhone.stderr)")
        #expect(byPhone.stdout.contains("member M00001"))
        #expect(byPhone.stdout.contains("order O000001"))

        let byName = try runner.unpack("find", "--store", store, "--name", "村 亮", "--json", "--history")
        #expect(byName.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(byName.stdout.utf8)) as? [String: Any])
        let members = try #require(json["members"] as? [[String: Any]])
        #expect(members.count == 1)

        let check = try runner.unpack("check", "--store", store)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.hasPrefix("OK:"))

        let log = try runner.unpack("log", "--store", store)
        #expect(log.status == 0)
        #expect(log.stdout.contains("  init  "))
        #expect(log.stdout.components(separatedBy: "  import  ").count == 3)
        let logJSON = try runner.unpack("log", "--store", store, "--json")
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(logJSON.stdout.utf8)) as? [[String: Any]])
        #expect(entries.count == 3)

        #expect(try runner.unpack("stats", "--store", store, "--json").status == 0)
        let trust = try runner.unpack("trust", "list", "--store", store)
        #expect(trust.stdout.contains(KeyID(packer.publicKey).description))
    }

    @Test func chainAndSignerRejectionsHaveTheirExitCodes() throws {
        let bundles = try prepare(bundles: 3)
        try initStore()
        let gap = try runner.unpack("import", bundles[2], "--store", store)
        #expect(gap.status == 11)
        #expect(gap.stderr.contains("missing bundles 1…2"))

        #expect(try runner.unpack("import", bundles[0], "--store", store).status == 0)
        let fork = try runner.unpack(
            "import", try firstBundle(named: "rival.airlock", chain: Fixtures.chainID, signer: packer), "--store", store)
        #expect(fork.status == 11)
        #expect(fork.stderr.contains("FORK"))

        let stranger = try firstBundle(
            named: "stranger.airlock", chain: Array(repeating: 9, count: 16), signer: Fixtures.packer("stranger"))
        #expect(try runner.unpack("import", stranger, "--store", store).status == 12)

        let log = try runner.unpack("log", "--store", store)
        #expect(log.stdout.contains("\"reason\":\"gap\""))
        #expect(log.stdout.contains("\"reason\":\"fork\""))
        #expect(log.stdout.contains("\"reason\":\"untrusted-signer\""))
        #expect(try runner.unpack("find", "--store", store, "--email", "a@b", "--name", "x").status == 64)
    }

    @Test func checkFailsOnATamperedBundleAndRebuildRestoresTheIndex() throws {
        let bundles = try prepare(bundles: 2)
        try initStore()
        #expect(try runner.unpack("import", bundles[0], bundles[1], "--store", store).status == 0)

        try FileManager.default.removeItem(atPath: store + "/archive.sqlite")
        let rebuild = try runner.unpack("rebuild", "--store", store)
        #expect(rebuild.status == 0, "\(rebuild.stderr)")
        #expect(try runner.unpack("check", "--store", store).status == 0)
        #expect(try runner.unpack("find", "--store", store, "--member", "M00012").stdout.contains("member M00012"))

        let stored = store + "/bundles/" + Hex.encode(Fixtures.chainID) + "-00000002.airlock"
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: stored)))
        bytes[bytes.count / 2] ^= 1
        try Data(bytes).write(to: URL(fileURLWithPath: stored))
        let check = try runner.unpack("check", "--store", store)
        #expect(check.status == 2)
        #expect(check.stderr.contains("PROBLEM"))
        #expect(check.stderr.contains("-00000002.airlock"))
    }
}
