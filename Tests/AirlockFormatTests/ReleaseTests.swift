import AirlockFormat
import Foundation
import SodiumKit
import TestSupport
import Testing

/// A small release folder: two files at the top, one in a subfolder, and its SHA256SUMS.
final class ReleaseFixture {
    let directory = TemporaryDirectory("airlock-release-test")
    let packer = Fixtures.packer()
    var root: String { directory.path }

    init(sign: Bool = true) throws {
        try FileManager.default.createDirectory(atPath: directory.file("bin"), withIntermediateDirectories: true)
        directory.write(Array("abc".utf8), to: "README.md")
        directory.write(Array("#!/bin/sh\n".utf8), to: "install.sh")
        directory.write([UInt8](repeating: 0x7F, count: 3 << 20), to: "bin/airlock-unpack")
        let list = try ReleaseChecksums.computed(directory: root)
        directory.write(Array(list.text.utf8), to: ReleaseChecksums.fileName)
        if sign { _ = try ReleaseFolder.sign(directory: root, with: packer.signer) }
    }

    var checksumsBytes: [UInt8] { Array(FileManager.default.contents(atPath: directory.file("SHA256SUMS"))!) }
}

@Suite struct ReleaseChecksumsTests {
    @Test func theListIsWhatSha256sumWrites() throws {
        let fixture = try ReleaseFixture(sign: false)
        let text = String(decoding: fixture.checksumsBytes, as: UTF8.self)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.map { String($0.dropFirst(66)) } == ["README.md", "bin/airlock-unpack", "install.sh"])
        // FIPS 180-2 B.1: SHA-256("abc").
        #expect(lines[0] == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  README.md")
        #expect(try ReleaseChecksums.parse(fixture.checksumsBytes).text == text)
    }

    @Test func binaryModeLinesAreRead() throws {
        let line = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad *README.md\n"
        #expect(try ReleaseChecksums.parse(Array(line.utf8)).entries.keys.sorted() == ["README.md"])
    }

    @Test(arguments: [
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  ../etc/passwd\n",
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  /etc/passwd\n",
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  bin//x\n",
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  ./x\n",
        "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD  x\n",
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015  x\n",
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad x\n",
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  x",
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  x\r\n",
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  x\nba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  x\n",
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  SHA256SUMS.sig\n",
        "",
    ])
    func malformedListsAreRefused(_ text: String) {
        #expect(throws: ReleaseError.self) { try ReleaseChecksums.parse(Array(text.utf8)) }
    }
}

@Suite struct ReleaseSignatureTests {
    @Test func aSignedReleaseVerifies() throws {
        let fixture = try ReleaseFixture()
        let result = try ReleaseFolder.verify(directory: fixture.root, trusting: [fixture.packer.publicKey])
        #expect(result.signer == KeyID(fixture.packer.publicKey))
        #expect(result.fileCount == 3)
    }

    /// The signature covers exactly `"airlock/v1/release" ‖ 0x00 ‖ SHA256SUMS` (Spec/release.md), checked here
    /// with libsodium directly rather than through the code under test.
    @Test func theSignedMessageIsDomainSeparated() throws {
        let fixture = try ReleaseFixture()
        let signature = try ReleaseSignature.parse(Array(FileManager.default.contents(atPath: fixture.directory.file("SHA256SUMS.sig"))!))
        #expect(signature.signer == fixture.packer.publicKey)
        let message = Array("airlock/v1/release".utf8) + [0] + fixture.checksumsBytes
        #expect(fixture.packer.publicKey.isValidSignature(signature.signature, for: message))
        #expect(!fixture.packer.publicKey.isValidSignature(signature.signature, for: fixture.checksumsBytes))
    }

    @Test func aSignatureWithoutTheDomainIsRefused() throws {
        let fixture = try ReleaseFixture(sign: false)
        // A plain Ed25519 signature over the list, as another tool using the same key might make.
        let bare = fixture.packer.signer.sign(fixture.checksumsBytes)
        let forged = ReleaseSignature.linePrefix + Data(fixture.packer.publicKey.bytes + bare.bytes).base64EncodedString() + "\n"
        fixture.directory.write(Array(forged.utf8), to: "SHA256SUMS.sig")
        #expect(throws: ReleaseError.badSignature(keyID: KeyID(fixture.packer.publicKey))) {
            try ReleaseFolder.verify(directory: fixture.root, trusting: [fixture.packer.publicKey])
        }
    }

    @Test func anUntrustedSignerIsRefusedBeforeAnythingElse() throws {
        let fixture = try ReleaseFixture()
        let other = Fixtures.packer("other")
        #expect(throws: ReleaseError.untrustedSigner(keyID: KeyID(fixture.packer.publicKey))) {
            try ReleaseFolder.verify(directory: fixture.root, trusting: [other.publicKey])
        }
    }

    @Test func anEditedListBreaksTheSignature() throws {
        let fixture = try ReleaseFixture()
        // Replace a file and its line in the list together, as an attacker would.
        fixture.directory.write(Array("abd".utf8), to: "README.md")
        let list = try ReleaseChecksums.computed(directory: fixture.root)
        fixture.directory.write(Array(list.text.utf8), to: "SHA256SUMS")
        #expect(throws: ReleaseError.badSignature(keyID: KeyID(fixture.packer.publicKey))) {
            try ReleaseFolder.verify(directory: fixture.root, trusting: [fixture.packer.publicKey])
        }
    }

    @Test func anAlteredFileIsFound() throws {
        let fixture = try ReleaseFixture()
        var bytes = [UInt8](repeating: 0x7F, count: 3 << 20)
        bytes[(2 << 20) + 5] ^= 1
        fixture.directory.write(bytes, to: "bin/airlock-unpack")
        #expect(throws: ReleaseError.checksumMismatch(path: "bin/airlock-unpack")) {
            try ReleaseFolder.verify(directory: fixture.root, trusting: [fixture.packer.publicKey])
        }
    }

    @Test func anUnlistedFileIsRefused() throws {
        let fixture = try ReleaseFixture()
        try FileManager.default.createDirectory(atPath: fixture.directory.file("lib"), withIntermediateDirectories: true)
        fixture.directory.write([1, 2, 3], to: "lib/libsodium.so.23")
        #expect(throws: ReleaseError.unlistedFile(path: "lib/libsodium.so.23")) {
            try ReleaseFolder.verify(directory: fixture.root, trusting: [fixture.packer.publicKey])
        }
    }

    @Test func aMissingFileIsNamed() throws {
        let fixture = try ReleaseFixture()
        try FileManager.default.removeItem(atPath: fixture.directory.file("install.sh"))
        #expect(throws: ReleaseError.missingFile(path: "install.sh")) {
            try ReleaseFolder.verify(directory: fixture.root, trusting: [fixture.packer.publicKey])
        }
    }

    @Test func aSymbolicLinkIsRefused() throws {
        let fixture = try ReleaseFixture()
        try FileManager.default.createSymbolicLink(atPath: fixture.directory.file("bin/link"), withDestinationPath: "/etc/passwd")
        #expect(throws: ReleaseError.notRegularFile(path: "bin/link")) {
            try ReleaseFolder.verify(directory: fixture.root, trusting: [fixture.packer.publicKey])
        }
    }

    @Test func checksumsOnlyNeedsNoSignature() throws {
        let fixture = try ReleaseFixture(sign: false)
        let result = try ReleaseFolder.verify(directory: fixture.root, trusting: nil)
        #expect(result.signer == nil)
        #expect(throws: ReleaseError.missingFile(path: "SHA256SUMS.sig")) {
            try ReleaseFolder.verify(directory: fixture.root, trusting: [fixture.packer.publicKey])
        }
    }

    @Test func signingNeverReplacesASignatureNorSignsAListThatDoesNotMatch() throws {
        let fixture = try ReleaseFixture()
        #expect(throws: ReleaseError.exists(path: fixture.directory.file("SHA256SUMS.sig"))) {
            try ReleaseFolder.sign(directory: fixture.root, with: fixture.packer.signer)
        }
        let unsigned = try ReleaseFixture(sign: false)
        unsigned.directory.write(Array("changed".utf8), to: "install.sh")
        #expect(throws: ReleaseError.checksumMismatch(path: "install.sh")) {
            try ReleaseFolder.sign(directory: unsigned.root, with: unsigned.packer.signer)
        }
        #expect(!FileManager.default.fileExists(atPath: unsigned.directory.file("SHA256SUMS.sig")))
    }
}
