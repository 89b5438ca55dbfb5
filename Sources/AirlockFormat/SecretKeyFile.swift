public import SodiumKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// How a secret key file is protected at rest.
public enum KeyProtection: Sendable {
    /// Argon2id(passphrase, salt, ops, mem) → XChaCha20-Poly1305 over the secret bytes.
    case passphrase(SecureBytes, opsLimit: UInt64, memLimit: UInt64)
    /// Stored in the clear (for automation; the tools warn).
    case none
}

/// Secret key files (`offline.key`, `packer.key`): one armoured line over a binary blob whose layout is in
/// `Spec/keys.md`. Written 0600 through a temporary file; refused when group or world can read them.
public enum SecretKeyFile {
    enum Kind: UInt8 {
        case offline = 1
        case packer = 2

        var prefix: String { self == .offline ? "airlock-offline-secret-1:" : "airlock-packer-secret-1:" }
        var publicLength: Int { self == .offline ? 64 : 32 }
        var secretLength: Int { self == .offline ? 64 : 32 }
        var name: String { self == .offline ? "airlock-offline-secret-1" : "airlock-packer-secret-1" }
    }

    /// Fixed bytes before the public key: kind, protection, ops, mem, salt, nonce.
    static let fixedLength = 1 + 1 + 8 + 8 + 16 + 24
    /// The largest Argon2id limits a reader honours (a hostile file must not exhaust the host).
    static let maxOpsLimit: UInt64 = 10
    static let maxMemLimit: UInt64 = 1 << 30

    /// Writes the offline identity's secret file.
    public static func write(_ identity: OfflineIdentity, to path: String, protection: KeyProtection) throws(KeyFileError) {
        let secret = SecureBytes(count: 64) { buffer in
            identity.recipient.secretBytes.withUnsafeBytes { buffer.copyMemory(from: $0) }
            identity.receiptSigner.seed.withUnsafeBytes {
                UnsafeMutableRawBufferPointer(rebasing: buffer[32...]).copyMemory(from: $0)
            }
        }
        let publicBytes = identity.recipient.publicKey.bytes + identity.receiptSigner.publicKey.bytes
        try write(kind: .offline, publicBytes: publicBytes, secret: secret, to: path, protection: protection,
            comment: "Airlock offline identity: SECRET KEY, key id \(identity.publicIdentity.keyID). Keep it on the offline host only.")
    }

    /// Writes the packer's secret file.
    public static func write(_ identity: PackerIdentity, to path: String, protection: KeyProtection) throws(KeyFileError) {
        try write(kind: .packer, publicBytes: identity.publicKey.bytes, secret: identity.signer.seed, to: path,
            protection: protection,
            comment: "Airlock packer key: SECRET KEY, key id \(KeyID(identity.publicKey)). Keep it on the online server only.")
    }

    /// Whether the file at `path` needs a passphrase (without asking for it).
    public static func isProtected(path: String) throws(KeyFileError) -> Bool {
        let (_, blob) = try readBlob(path: path)
        return blob.count > 1 && blob[1] == 1
    }

    /// Reads the offline identity; `passphrase` is asked for only when the file is protected.
    public static func readOffline(path: String, passphrase: () throws(KeyFileError) -> SecureBytes) throws(KeyFileError)
        -> OfflineIdentity
    {
        let secret = try read(kind: .offline, path: path, passphrase: passphrase)
        let recipient = try! RecipientSecretKey(secretBytes: SecureBytes(count: 32) { buffer in
            secret.secret.withUnsafeBytes { buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[0..<32])) }
        })
        let signer = try! SigningSecretKey(seed: SecureBytes(count: 32) { buffer in
            secret.secret.withUnsafeBytes { buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[32..<64])) }
        })
        guard recipient.publicKey.bytes + signer.publicKey.bytes == secret.publicBytes else { throw .edited(path: path) }
        return OfflineIdentity(recipient: recipient, receiptSigner: signer)
    }

    /// Reads the packer identity; `passphrase` is asked for only when the file is protected.
    public static func readPacker(path: String, passphrase: () throws(KeyFileError) -> SecureBytes) throws(KeyFileError)
        -> PackerIdentity
    {
        let secret = try read(kind: .packer, path: path, passphrase: passphrase)
        let signer = try! SigningSecretKey(seed: secret.secret)
        guard signer.publicKey.bytes == secret.publicBytes else { throw .edited(path: path) }
        return PackerIdentity(signer: signer)
    }

    // MARK: - Layout

    private static func write(
        kind: Kind, publicBytes: [UInt8], secret: SecureBytes, to path: String, protection: KeyProtection,
        comment: String
    ) throws(KeyFileError) {
        var head = [UInt8]()
        let body: [UInt8]
        switch protection {
        case .none:
            head = [kind.rawValue, 0] + [UInt8](repeating: 0, count: 16 + 16 + 24) + publicBytes
            body = secret.withUnsafeBytes { Array($0) }
        case let .passphrase(passphrase, ops, mem):
            let salt = Random.bytes(Argon2id.saltByteCount)
            let nonce = Random.bytes(XChaCha20Poly1305.nonceByteCount)
            var writer = ByteWriter()
            writer.append(kind.rawValue)
            writer.append(UInt8(1))
            writer.append(ops)
            writer.append(mem)
            writer.append(salt)
            writer.append(nonce)
            writer.append(publicBytes)
            head = writer.bytes
            do {
                let key = try Argon2id.deriveKey(passphrase: passphrase, salt: salt, opsLimit: ops, memLimit: mem)
                body = try XChaCha20Poly1305.seal(secret, key: key, nonce: nonce, additionalData: head)
            } catch {
                throw .unsupportedParameters(path: path, reason: error.description)
            }
        }
        var blob = head + body
        defer { wipe(&blob) }
        var text = Array("# \(comment)\n\(kind.prefix)".utf8) + Array(Data(blob).base64EncodedString().utf8) + [10]
        defer { wipe(&text) }
        do {
            let file = try AtomicFileWriter(path: path, mode: 0o600)
            try file.write(text)
            try file.commit()
        } catch {
            throw .unreadable(path: path, reason: error.description)
        }
    }

    private static func readBlob(path: String) throws(KeyFileError) -> (Kind, [UInt8]) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw .malformed(path: path, reason: "not UTF-8 text")
        }
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        guard lines.count == 1, let line = lines.first else {
            throw .malformed(path: path, reason: "expected exactly one key line")
        }
        guard let kind = [Kind.offline, .packer].first(where: { line.hasPrefix($0.prefix) }) else {
            let found = line.split(separator: ":").first.map(String.init) ?? "?"
            throw .wrongKind(path: path, expected: "airlock secret key", found: found)
        }
        guard info.st_mode & 0o077 == 0 else { throw .tooOpen(path: path, mode: UInt32(info.st_mode & 0o777)) }
        guard let data = Data(base64Encoded: String(line.dropFirst(kind.prefix.count))) else {
            throw .malformed(path: path, reason: "the key line is not base64")
        }
        return (kind, Array(data))
    }

    private static func read(
        kind expected: Kind, path: String, passphrase: () throws(KeyFileError) -> SecureBytes
    ) throws(KeyFileError) -> (publicBytes: [UInt8], secret: SecureBytes) {
        var (kind, blob) = try readBlob(path: path)
        defer { wipe(&blob) }
        guard kind == expected else { throw .wrongKind(path: path, expected: expected.name, found: kind.name) }
        var reader = ByteReader(blob)
        guard let kindByte = reader.u8(), kindByte == kind.rawValue, let protection = reader.u8(),
            let ops = reader.u64(), let mem = reader.u64(), let salt = reader.take(16), let nonce = reader.take(24),
            let publicBytes = reader.take(kind.publicLength)
        else { throw .malformed(path: path, reason: "the key is truncated") }
        let head = Array(blob[0..<reader.offset])
        let body = Array(blob[reader.offset...])
        switch protection {
        case 0:
            guard body.count == kind.secretLength, ops == 0, mem == 0 else {
                throw .malformed(path: path, reason: "unexpected length")
            }
            return (Array(publicBytes), SecureBytes(copying: body))
        case 1:
            guard body.count == kind.secretLength + XChaCha20Poly1305.tagByteCount else {
                throw .malformed(path: path, reason: "unexpected length")
            }
            guard ops >= Argon2id.minimumOpsLimit, ops <= maxOpsLimit, mem >= Argon2id.minimumMemLimit, mem <= maxMemLimit
            else { throw .unsupportedParameters(path: path, reason: "Argon2id limits out of range") }
            let pass = try passphrase()
            let key: SymmetricKey
            do { key = try Argon2id.deriveKey(passphrase: pass, salt: Array(salt), opsLimit: ops, memLimit: mem) } catch {
                throw .unsupportedParameters(path: path, reason: error.description)
            }
            do {
                let secret = try XChaCha20Poly1305.open(body, key: key, nonce: Array(nonce), additionalData: head)
                return (Array(publicBytes), secret)
            } catch {
                throw .wrongPassphrase(path: path)
            }
        default:
            throw .malformed(path: path, reason: "unknown protection \(protection)")
        }
    }
}
