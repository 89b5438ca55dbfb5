import AirlockFormat
import Foundation
import TestSupport
import Testing

/// The foundation commands as a user runs them: keygen, verify, inspect, --version, and their exit codes.
@Suite struct KeysAndVerifyTests {
    let pack = Executable("airlock-pack")
    let unpack = Executable("airlock-unpack")

    @Test func keygenWritesBothHalvesWithTheRightModes() throws {
        let folder = TemporaryDirectory()
        let passphrase = folder.write(Array("a long passphrase\n".utf8), to: "pass")
        let offline = try unpack.run(["keygen", "--out", folder.file("offline"), "--passphrase-file", passphrase])
        #expect(offline.status == 0, "\(offline.stderr)")
        #expect(offline.stdout.contains("offline key id: "))
        #expect(try FileSystem.mode(folder.file("offline/offline.key")) == 0o600)
        #expect(try FileSystem.mode(folder.file("offline")) == 0o700)
        let pub = try String(contentsOfFile: folder.file("offline/offline.pub"), encoding: .utf8)
        #expect(pub.contains("airlock-offline-1:"))

        let packer = try pack.run(["keygen", "--out", folder.file("online"), "--no-passphrase"])
        #expect(packer.status == 0)
        #expect(packer.stderr.contains("without a passphrase"))
        let again = try pack.run(["keygen", "--out", folder.file("online"), "--no-passphrase"])
        #expect(again.status == 73)
        #expect(again.stderr.split(separator: "\n").count == 1)
    }

    @Test func keygenWithoutAPassphraseSourceFailsClearly() throws {
        let folder = TemporaryDirectory()
        let result = try unpack.run(["keygen", "--out", folder.file("k")])
        #expect(result.status == 77)
        #expect(result.stderr.contains("passphrase"))
        #expect(!FileManager.default.fileExists(atPath: folder.file("k/offline.key")))
    }

    func trustedPacker(in folder: TemporaryDirectory) -> String {
        folder.write(Array(PublicKeyText.file(packer: Fixtures.packer().publicKey).utf8), to: "packer.pub")
    }

    @Test(arguments: [("valid-basic", 0), ("tampered-ciphertext", 10), ("bad-magic", 10), ("unknown-signer", 12)])
    func verifyReportsEachOutcomeWithItsExitCode(vector: String, status: Int32) throws {
        let folder = TemporaryDirectory()
        let bundle = RepositoryPaths.vectors + "/\(vector).airlock"
        for tool in [pack, unpack] {
            let result = try tool.run(["verify", bundle, "--signer", trustedPacker(in: folder)])
            #expect(result.status == status, "\(tool.name) \(vector): \(result.stderr)")
            if status != 0 {
                #expect(result.stderr.split(separator: "\n").count == 1)
                #expect(result.stderr.hasPrefix("\(tool.name): error: "))
            }
        }
    }

    @Test func verifyAndInspectSpeakJSON() throws {
        let folder = TemporaryDirectory()
        let bundle = RepositoryPaths.vectors + "/valid-chain-2.airlock"
        let verified = try unpack.run(["verify", bundle, "--signer", trustedPacker(in: folder), "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(verified.stdout.utf8)) as? [String: Any])
        #expect(object["sequence"] as? Int == 2)
        #expect(object["verified"] as? Bool == true)
        #expect((object["bundle_hash"] as? String)?.count == 64)

        let inspected = try unpack.run(["inspect", bundle, "--json"])
        let header = try #require(try JSONSerialization.jsonObject(with: Data(inspected.stdout.utf8)) as? [String: Any])
        #expect(header["chain"] as? String == Hex.encode(Fixtures.chainID))
        #expect(header["verified"] as? Bool == false)
        #expect((header["recipients"] as? [String])?.count == 1)
    }

    @Test func missingArgumentsAreAUsageError() throws {
        let result = try unpack.run(["verify", RepositoryPaths.vectors + "/valid-basic.airlock"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--signer"))
    }

    @Test func versionNamesFormatsAndLibsodium() throws {
        for tool in [pack, unpack] {
            let result = try tool.run(["--version"])
            #expect(result.status == 0)
            #expect(result.stdout.contains("bundle format 1"))
            #expect(result.stdout.contains("libsodium 1."))
        }
    }

    @Test func regeneratingTheVectorsGivesTheCommittedBytes() throws {
        let folder = TemporaryDirectory()
        let result = try Executable("airlock-vectorgen").run([folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        let committed = try FileSystem.list(RepositoryPaths.vectors).filter { $0 != "README.md" }
        #expect(try FileSystem.list(folder.path) == committed)
        for name in committed {
            #expect(FileSystem.read(folder.file(name)) == FileSystem.read(RepositoryPaths.vectors + "/" + name), "\(name)")
        }
    }
}
