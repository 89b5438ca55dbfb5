public import SodiumKit
import Foundation

/// `SHA256SUMS.sig` (`Spec/release.md`): the packer key's Ed25519 signature over a release's checksum list,
/// so the offline host can check a release with the same `packer.pub` it already trusts for bundles.
///
/// The signed message is `"airlock/v1/release" ‖ 0x00 ‖ SHA256SUMS bytes`: the domain keeps a release
/// signature from ever being taken for a bundle or receipt signature by the same key, and vice versa.
public struct ReleaseSignature: Equatable, Sendable {
    /// The signature's file name in a release folder.
    public static let fileName = "SHA256SUMS.sig"
    /// Prefix of the signature line.
    public static let linePrefix = "airlock-release-signature-1:"
    static let domain = Array("airlock/v1/release".utf8) + [0]
    static let maxLength = 4096

    /// The packer key that signed.
    public let signer: SigningPublicKey
    /// The detached signature.
    public let signature: Signature

    /// The message a release signature covers.
    static func message(checksums: [UInt8]) -> [UInt8] { domain + checksums }

    /// Signs a checksum list's exact bytes (`crypto_sign_detached`).
    public static func sign(checksums: [UInt8], with key: SigningSecretKey) -> ReleaseSignature {
        ReleaseSignature(signer: key.publicKey, signature: key.sign(message(checksums: checksums)))
    }

    /// The file's text: a comment naming the key id, then the line `airlock-release-signature-1:` and base64 of
    /// public key (32 bytes) ‖ signature (64 bytes).
    public var text: String {
        "# Airlock release signature over SHA256SUMS (Spec/release.md), by packer key \(KeyID(signer)).\n"
            + Self.linePrefix + Data(signer.bytes + signature.bytes).base64EncodedString() + "\n"
    }

    /// Parses the file's text; `#` comment lines and blank lines are ignored.
    public static func parse(_ bytes: [UInt8], source: String = fileName) throws(ReleaseError) -> ReleaseSignature {
        guard bytes.count <= maxLength, let text = String(validating: bytes, as: UTF8.self) else {
            throw .malformed(path: source, reason: "not a short UTF-8 text file")
        }
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        guard lines.count == 1, let line = lines.first, line.hasPrefix(linePrefix) else {
            throw .malformed(path: source, reason: "expected one '\(linePrefix)' line")
        }
        guard let data = Data(base64Encoded: String(line.dropFirst(linePrefix.count))), data.count == 32 + 64 else {
            throw .malformed(path: source, reason: "the signature line is not 96 bytes of base64")
        }
        let raw = Array(data)
        return ReleaseSignature(
            signer: try! SigningPublicKey(bytes: Array(raw[0..<32])), signature: try! Signature(bytes: Array(raw[32...])))
    }

    /// Checks that a trusted key made this signature over `checksums` (`crypto_sign_verify_detached`).
    ///
    /// - Returns: the key id of the signer.
    /// - Throws: ``ReleaseError/untrustedSigner(keyID:)`` when the key is not among `trusted` (checked first:
    ///   a signature by an unknown key proves nothing), ``ReleaseError/badSignature(keyID:)``.
    @discardableResult
    public func verify(checksums: [UInt8], trusting trusted: [SigningPublicKey]) throws(ReleaseError) -> KeyID {
        let id = KeyID(signer)
        guard trusted.contains(signer) else { throw .untrustedSigner(keyID: id) }
        guard signer.isValidSignature(signature, for: Self.message(checksums: checksums)) else {
            throw .badSignature(keyID: id)
        }
        return id
    }
}

/// Checking and signing a whole release folder: the steps `airlock-unpack verify-release` and
/// `airlock-pack sign-release` run.
public enum ReleaseFolder {
    /// What a successful check found.
    public struct Verified: Sendable {
        /// The signer's key id (nil when only the checksums were checked).
        public var signer: KeyID?
        /// How many files the list covers.
        public var fileCount: Int
    }

    /// Verifies `directory`: the signature over `SHA256SUMS` by one of `trusted` first, then every listed file's
    /// SHA-256, and that nothing unlisted is there. With `trusted` nil, only the checksums are checked.
    public static func verify(directory: String, trusting trusted: [SigningPublicKey]?) throws(ReleaseError) -> Verified {
        let listBytes = try read(directory, ReleaseChecksums.fileName, limit: ReleaseChecksums.maxLength)
        var signer: KeyID?
        if let trusted {
            let signature = try ReleaseSignature.parse(
                try read(directory, ReleaseSignature.fileName, limit: ReleaseSignature.maxLength))
            signer = try signature.verify(checksums: listBytes, trusting: trusted)
        }
        let list = try ReleaseChecksums.parse(listBytes)
        try list.check(directory: directory)
        return Verified(signer: signer, fileCount: list.entries.count)
    }

    /// Checks `directory` against its `SHA256SUMS` (so a list that does not match is never signed), then writes
    /// `SHA256SUMS.sig`, mode 0644. Never replaces an existing signature.
    public static func sign(directory: String, with key: SigningSecretKey) throws(ReleaseError) -> Verified {
        let path = directory + "/" + ReleaseSignature.fileName
        guard !FileManager.default.fileExists(atPath: path) else { throw .exists(path: path) }
        let listBytes = try read(directory, ReleaseChecksums.fileName, limit: ReleaseChecksums.maxLength)
        let list = try ReleaseChecksums.parse(listBytes)
        try list.check(directory: directory)
        let signature = ReleaseSignature.sign(checksums: listBytes, with: key)
        do {
            let file = try AtomicFileWriter(path: path, mode: 0o644)
            try file.write(Array(signature.text.utf8))
            try file.commit()
        } catch {
            throw .cannotWrite(path: path, reason: error.description)
        }
        return Verified(signer: KeyID(key.publicKey), fileCount: list.entries.count)
    }

    private static func read(_ directory: String, _ name: String, limit: Int) throws(ReleaseError) -> [UInt8] {
        let path = directory + "/" + name
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw .missingFile(path: name)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: name, reason: "permission denied or I/O error")
        }
        guard data.count <= limit else { throw .malformed(path: name, reason: "longer than \(limit) bytes") }
        return Array(data)
    }
}
