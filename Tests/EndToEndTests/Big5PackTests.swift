import Foundation
import TestSupport
import Testing

/// A Taiwanese back office's Big5 export goes through the whole loop and comes back in Big5.
@Suite struct Big5PackTests {
    let pack = Executable("airlock-pack")
    let unpack = Executable("airlock-unpack")

    static let utf8Members = """
        member_id,account,email,name,phone,mobile,postal_code,address,registered_at
        T001,wang.xm,xm.wang@example.tw,王小明,02-2700-1234,0912-345-678,106,"台北市大安區忠孝東路四段100號5樓",2024-03-01 10:15:00
        T002,chen.ml,ml.chen@example.tw,陳美玲,,0988-123-456,807,"高雄市三民區建國二路1號, 7樓",2025-06-18 14:02:11

        """

    /// Converts text to Big5 (CP950) with the system's iconv, as a Taiwanese spreadsheet would save it.
    func big5(_ text: String, in folder: TemporaryDirectory) throws -> String {
        let source = folder.write(Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8), to: "utf8.csv")
        let target = folder.file("members-big5.csv")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", "CP950", "-o", target, source]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return target
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/iconv")))
    func aBig5ExportIsDetectedSealedAndReExportedInBig5() throws {
        let folder = TemporaryDirectory()
        let members = try big5(Self.utf8Members, in: folder)
        #expect(try unpack.run(["keygen", "--out", folder.file("off"), "--no-passphrase"]).status == 0)
        #expect(try pack.run(["keygen", "--out", folder.file("on"), "--no-passphrase"]).status == 0)

        let inspected = try pack.run(["inspect", members])
        #expect(inspected.stdout.contains("Big5"), "\(inspected.stdout)")

        let packed = try pack.run([
            "pack", "--members", members, "--to", folder.file("off/offline.pub"), "--key", folder.file("on/packer.key"),
            "--state", folder.file("state"), "--out", folder.file("usb"),
        ])
        #expect(packed.status == 0, "\(packed.stderr)")
        #expect(packed.stderr.contains("big5"))

        let masked = try #require(FileSystem.read(folder.file("state/pending/00000001/members-big5.csv")))
        #expect(String(validating: masked, as: UTF8.self) == nil, "still Big5, not UTF-8")
        let original = try #require(FileSystem.read(members))
        #expect(masked.count < original.count)
        // Unmasked cells are byte for byte the original Big5 bytes: the email column survives as is.
        #expect(masked.starts(with: original.prefix(while: { $0 != 0x0D })), "the header is unchanged")

        #expect(try unpack.run([
            "init", "--store", folder.file("archive"), "--key", folder.file("off/offline.key"), "--trust", folder.file("on/packer.pub"),
        ]).status == 0)
        let bundle = try #require(try FileSystem.list(folder.file("usb")).first)
        #expect(try unpack.run(["import", folder.file("usb/" + bundle), "--store", folder.file("archive")]).status == 0)
        let found = try unpack.run(["find", "--store", folder.file("archive"), "--name", "美玲", "--json"])
        #expect(found.status == 0)
        #expect(found.stdout.contains("高雄市三民區建國二路1號, 7樓"))
    }
}
