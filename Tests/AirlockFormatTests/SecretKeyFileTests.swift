import AirlockFormat
import Foundation
import SodiumKit
import TestSupport
import Testing

@Suite struct SecretKeyFileTests {
    /// Argon2id at libsodium's minimum, so the suite stays fast; the CLI uses "moderate".
    func protection(_ passphrase: String) -> KeyProtection {
        .passphrase(SecureBytes(copying: Array(passphrase.utf8)), opsLimit: Argon2id.minimumOpsLimit, memLimit: Argon2id.minimumMemLimit)
    }

    func given(_ text: String) -> () throws(KeyFileError) -> SecureBytes {
        { SecureBytes(copying: Array(text.utf8)) }
    }

    @Test func offlineIdentityRoundTripsWithAPassphrase() throws {
        let folder = TemporaryDirectory()
        let path = folder.file("offline.key")
        let identity = Fixtures.offline()
        try SecretKeyFile.write(identity, to: path, protection: protection("correct horse"))
        #expect(try FileSystem.mode(path) == 0o600)
        #expect(try SecretKeyFile.isProtected(path: path))
        let read = try SecretKeyFile.readOffline(path: path, passphrase: given("correct horse"))
        #expect(read.publicIdentity == identity.publicIdentity)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let secretHex = identity.recipient.secretBytes.withUnsafeBytes { Hex.encode(Array($0)) }
        #expect(!text.contains(secretHex))
    }

    @Test func packerIdentityRoundTripsWithoutAPassphrase() throws {
        let folder = TemporaryDirectory()
        let path = folder.file("packer.key")
        let identity = Fixtures.packer()
        try SecretKeyFile.write(identity, to: path, protection: .none)
        #expect(try !SecretKeyFile.isProtected(path: path))
        let read = try SecretKeyFile.readPacker(path: path) { () throws(KeyFileError) in
            Issue.record("no passphrase should be asked for")
            throw .passphraseRequired(path: path)
        }
        #expect(read.publicKey == identity.publicKey)
    }

    @Test func aWrongPassphraseIsAClearError() throws {
        let folder = TemporaryDirectory()
        let path = folder.file("offline.key")
        try SecretKeyFile.write(Fixtures.offline(), to: path, protection: protection("right"))
        #expect(throws: KeyFileError.wrongPassphrase(path: path)) {
            try SecretKeyFile.readOffline(path: path, passphrase: given("wrong"))
        }
    }

    @Test func aFileReadableByOthersIsRefused() throws {
        let folder = TemporaryDirectory()
        let path = folder.file("packer.key")
        try SecretKeyFile.write(Fixtures.packer(), to: path, protection: .none)
        chmod(path, 0o644)
        #expect(throws: KeyFileError.tooOpen(path: path, mode: 0o644)) {
            try SecretKeyFile.readPacker(path: path, passphrase: given(""))
        }
    }

    @Test func theWrongKindOfKeyIsNamed() throws {
        let folder = TemporaryDirectory()
        let path = folder.file("packer.key")
        try SecretKeyFile.write(Fixtures.packer(), to: path, protection: .none)
        #expect(throws: KeyFileError.wrongKind(path: path, expected: "airlock-offline-secret-1", found: "airlock-packer-secret-1")) {
            try SecretKeyFile.readOffline(path: path, passphrase: given(""))
        }
    }

    @Test func aTruncatedOrEditedKeyIsRefused() throws {
        let folder = TemporaryDirectory()
        let path = folder.file("offline.key")
        try SecretKeyFile.write(Fixtures.offline(), to: path, protection: .none)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let keyLine = try #require(text.split(separator: "\n").last)

        let truncated = folder.file("truncated.key")
        try (String(keyLine.dropLast(12)) + "\n").write(toFile: truncated, atomically: true, encoding: .utf8)
        chmod(truncated, 0o600)
        #expect(throws: KeyFileError.self) { try SecretKeyFile.readOffline(path: truncated, passphrase: given("")) }

        // Flip one base64 digit inside the secret half: the public half no longer matches.
        var characters = Array(keyLine)
        let index = characters.count - 10
        characters[index] = characters[index] == "A" ? "B" : "A"
        let edited = folder.file("edited.key")
        try (String(characters) + "\n").write(toFile: edited, atomically: true, encoding: .utf8)
        chmod(edited, 0o600)
        #expect(throws: KeyFileError.edited(path: edited)) { try SecretKeyFile.readOffline(path: edited, passphrase: given("")) }
    }

    @Test func publicKeyLinesRoundTripAndRejectTheWrongKind() throws {
        let offline = Fixtures.offline().publicIdentity
        let packer = Fixtures.packer().publicKey
        #expect(try PublicKeyText.parseOffline(PublicKeyText.file(offline), source: "o") == offline)
        #expect(try PublicKeyText.parsePacker(PublicKeyText.line(packer: packer), source: "p") == packer)
        #expect(throws: KeyFileError.wrongKind(path: "p", expected: "airlock-offline-1", found: "airlock-packer-1")) {
            try PublicKeyText.parseOffline(PublicKeyText.line(packer: packer), source: "p")
        }
        #expect(throws: KeyFileError.self) { try PublicKeyText.parsePacker("airlock-packer-1:AAAA", source: "p") }
    }

    @Test func keyIDsPrintInGroupsAndParseBack() {
        let id = KeyID(Fixtures.packer().publicKey)
        #expect(id.description.count == 19)
        #expect(id.description.split(separator: "-").count == 4)
        #expect(KeyID(id.description) == id)
        #expect(KeyID(Fixtures.offline().recipient.publicKey) != KeyID(Fixtures.offline("escrow").recipient.publicKey))
    }
}

@Suite struct PublicKeyTextTests {
    @Test func aLowOrderRecipientKeyInAPubFileIsAnError() {
        // The X25519 point of order 1 (u = 1): nothing sealed to it could be opened.
        let lowOrder = [UInt8](repeating: 0, count: 31).reduce(into: [UInt8(1)]) { $0.append($1) }
        let line = PublicKeyText.offlinePrefix
            + Data(lowOrder + Fixtures.offline().receiptSigner.publicKey.bytes).base64EncodedString()
        #expect(throws: KeyFileError.self) { try PublicKeyText.parseOffline(line, source: "o.pub") }
    }
}
