import AirlockFormat
import Foundation
import TestSupport
import Testing

/// The online side as an operator runs it, with real processes: pack, status, confirm, and the loop through
/// the offline side's import and receipts.
@Suite struct PackLoopTests {
    let pack = Executable("airlock-pack")
    let unpack = Executable("airlock-unpack")

    /// Keys for both sides in `folder`, unprotected (passphrases are tested elsewhere).
    func keys(in folder: TemporaryDirectory) throws {
        #expect(try unpack.run(["keygen", "--out", folder.file("offline"), "--no-passphrase"]).status == 0)
        #expect(try pack.run(["keygen", "--out", folder.file("online"), "--no-passphrase"]).status == 0)
    }

    func packExamples(_ folder: TemporaryDirectory, members: String, orders: String) throws -> Executable.Result {
        try pack.run([
            "pack", "--members", RepositoryPaths.example(members), "--orders", RepositoryPaths.example(orders),
            "--to", folder.file("offline/offline.pub"), "--key", folder.file("online/packer.key"),
            "--state", folder.file("state"), "--out", folder.file("usb"), "--as-of", "2026-11-25",
        ])
    }

    @Test func theWholeLoopReleasesTheMaskedReExportOnlyAfterTheReceipt() throws {
        let folder = TemporaryDirectory()
        try keys(in: folder)
        let packed = try packExamples(folder, members: "airlock/members.csv", orders: "airlock/orders.csv")
        #expect(packed.status == 0, "\(packed.stderr)")
        #expect(packed.stderr.contains("sealed bundle 1"))
        let bundles = try FileSystem.list(folder.file("usb"))
        #expect(bundles.count == 1)
        #expect(try FileSystem.list(folder.file("state/pending/00000001")) == ["members.csv", "orders.csv"])
        #expect(try FileSystem.list(folder.file("state/ready")).isEmpty)
        let waiting = try pack.run(["status", "--state", folder.file("state"), "--json"])
        #expect(waiting.stdout.contains("\"status\" : \"sent\""))

        #expect(try unpack.run([
            "init", "--store", folder.file("archive"), "--key", folder.file("offline/offline.key"),
            "--trust", folder.file("online/packer.pub"),
        ]).status == 0)
        let imported = try unpack.run([
            "import", folder.file("usb/" + bundles[0]), "--store", folder.file("archive"), "--receipts", folder.file("receipts"),
        ])
        #expect(imported.status == 0, "\(imported.stderr)")
        let receipts = try FileSystem.list(folder.file("receipts"))
        #expect(receipts.count == 1)

        // A receipt from another offline identity is refused and releases nothing.
        #expect(try unpack.run(["keygen", "--out", folder.file("other"), "--no-passphrase"]).status == 0)
        let foreign = try pack.run([
            "confirm", folder.file("receipts/" + receipts[0]), "--from", folder.file("other/offline.pub"),
            "--state", folder.file("state"),
        ])
        #expect(foreign.status == 12)
        #expect(try FileSystem.list(folder.file("state/ready")).isEmpty)

        let confirmed = try pack.run([
            "confirm", folder.file("receipts/" + receipts[0]), "--from", folder.file("offline/offline.pub"),
            "--state", folder.file("state"),
        ])
        #expect(confirmed.status == 0, "\(confirmed.stderr)")
        #expect(try FileSystem.list(folder.file("state/ready/00000001")) == ["members.csv", "orders.csv"])
        let masked = try String(contentsOfFile: folder.file("state/ready/00000001/members.csv"), encoding: .utf8)
        for original in ["陳美玲", "0912-345-678", "忠孝東路四段100號5樓"] { #expect(!masked.contains(original)) }
        #expect(masked.contains("meiling.chen@example.com"))
    }

    @Test func aSecondPackContinuesTheChainAndAnEcCubeReExportStaysCP932() throws {
        let folder = TemporaryDirectory()
        try keys(in: folder)
        #expect(try packExamples(folder, members: "airlock/members.csv", orders: "airlock/orders.csv").status == 0)
        let second = try packExamples(folder, members: "ec-cube/member.csv", orders: "ec-cube/order.csv")
        #expect(second.status == 0, "\(second.stderr)")
        let names = try FileSystem.list(folder.file("usb"))
        #expect(names.count == 2)
        let header = try BundleVerifier.readHeader(path: folder.file("usb/" + names[1]))
        #expect(header.sequence == 2)
        let reexport = try #require(FileSystem.read(folder.file("state/pending/00000002/member.csv")))
        #expect(String(validating: reexport, as: UTF8.self) == nil, "a CP932 file is not valid UTF-8")
    }

    @Test func inspectShowsTheLayoutAndPrintsRowsAsJSON() throws {
        let report = try pack.run(["inspect", RepositoryPaths.example("ec-cube/member.csv")])
        #expect(report.status == 0)
        #expect(report.stdout.contains("CP932"))
        #expect(report.stdout.contains("ec-cube (members)"))
        #expect(report.stdout.contains("credential: never sealed"))
        let json = try pack.run(["inspect", RepositoryPaths.example("airlock/members.csv"), "--json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: String]])
        #expect(rows.count == 8)
        #expect(rows.first?["member_id"] == "M0001")
    }

    @Test func badInvocationsFailWithOneLineAndTheirCodes() throws {
        let folder = TemporaryDirectory()
        try keys(in: folder)
        let noInput = try pack.run(["pack", "--to", folder.file("offline/offline.pub"), "--key", folder.file("online/packer.key"),
            "--state", folder.file("state"), "--out", folder.file("usb")])
        #expect(noInput.status == 64)
        let missing = try pack.run(["pack", "--members", folder.file("absent.csv"), "--to", folder.file("offline/offline.pub"),
            "--key", folder.file("online/packer.key"), "--state", folder.file("state"), "--out", folder.file("usb")])
        #expect(missing.status == 66, "\(missing.stderr)")
        #expect(missing.stderr.split(separator: "\n").count == 1)
        let wrongKey = try pack.run(["pack", "--members", RepositoryPaths.example("airlock/members.csv"),
            "--to", folder.file("online/packer.pub"), "--key", folder.file("online/packer.key"),
            "--state", folder.file("state"), "--out", folder.file("usb")])
        #expect(wrongKey.status == 65, "\(wrongKey.stderr)")
        let written = (try? FileSystem.list(folder.file("usb"))) ?? []
        #expect(written.isEmpty)
    }
}
