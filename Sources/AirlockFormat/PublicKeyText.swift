public import SodiumKit
import Foundation

/// The one-line text forms of public keys (`Spec/keys.md`): a type prefix, a colon, base64 of the raw key
/// bytes. Files may hold `#` comment lines, which are ignored.
public enum PublicKeyText {
    /// Prefix of an offline identity: X25519 recipient key ‖ Ed25519 receipt key (64 bytes).
    public static let offlinePrefix = "airlock-offline-1:"
    /// Prefix of a packer key: Ed25519 (32 bytes).
    public static let packerPrefix = "airlock-packer-1:"

    /// The text line of an offline identity.
    public static func line(_ identity: OfflinePublicIdentity) -> String {
        offlinePrefix + Data(identity.recipient.bytes + identity.receiptSigner.bytes).base64EncodedString()
    }

    /// The text line of a packer key.
    public static func line(packer key: SigningPublicKey) -> String {
        packerPrefix + Data(key.bytes).base64EncodedString()
    }

    /// A whole `.pub` file: a comment naming the key id, then the key line.
    public static func file(_ identity: OfflinePublicIdentity) -> String {
        "# Airlock offline identity (public). Key id \(identity.keyID); receipts signed by \(KeyID(identity.receiptSigner)).\n"
            + line(identity) + "\n"
    }

    /// A whole `.pub` file for a packer key.
    public static func file(packer key: SigningPublicKey) -> String {
        "# Airlock packer key (public). Key id \(KeyID(key)).\n" + line(packer: key) + "\n"
    }

    /// Parses an offline identity from a `.pub` file's text or a bare line.
    public static func parseOffline(_ text: String, source: String) throws(KeyFileError) -> OfflinePublicIdentity {
        let bytes = try payload(of: text, prefix: offlinePrefix, length: 64, source: source)
        let recipient: RecipientPublicKey
        do { recipient = try RecipientPublicKey(bytes: Array(bytes[0..<32])) } catch {
            throw .malformed(path: source, reason: error.description)
        }
        return OfflinePublicIdentity(recipient: recipient, receiptSigner: try! SigningPublicKey(bytes: Array(bytes[32..<64])))
    }

    /// Parses a packer key from a `.pub` file's text or a bare line.
    public static func parsePacker(_ text: String, source: String) throws(KeyFileError) -> SigningPublicKey {
        let bytes = try payload(of: text, prefix: packerPrefix, length: 32, source: source)
        return try! SigningPublicKey(bytes: bytes)
    }

    private static func payload(of text: String, prefix: String, length: Int, source: String) throws(KeyFileError)
        -> [UInt8]
    {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        guard lines.count == 1, let line = lines.first else {
            throw .malformed(path: source, reason: "expected exactly one key line")
        }
        guard line.hasPrefix(prefix) else {
            let kind = line.split(separator: ":").first.map(String.init) ?? "?"
            throw .wrongKind(path: source, expected: String(prefix.dropLast()), found: kind)
        }
        guard let data = Data(base64Encoded: String(line.dropFirst(prefix.count))), data.count == length else {
            throw .malformed(path: source, reason: "the key is not \(length) bytes of base64")
        }
        return Array(data)
    }
}
