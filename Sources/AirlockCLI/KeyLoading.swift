public import AirlockFormat
public import SodiumKit
import Foundation

/// Reading the key files that commands take as options, with errors that say which file and what to do.
public enum KeyLoading {
    /// Reads a text file (a `.pub` key or a receipt).
    public static func text(_ path: String) throws(KeyFileError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: "no such file, or not readable")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw .malformed(path: path, reason: "not UTF-8 text") }
        return text
    }

    /// A packer public key from a `.pub` file.
    public static func packerPublicKey(_ path: String) throws(KeyFileError) -> SigningPublicKey {
        try PublicKeyText.parsePacker(try text(path), source: path)
    }

    /// An offline public identity from a `.pub` file.
    public static func offlinePublicIdentity(_ path: String) throws(KeyFileError) -> OfflinePublicIdentity {
        try PublicKeyText.parseOffline(try text(path), source: path)
    }

    /// The offline secret identity, asking for the passphrase only if the file is protected.
    public static func offlineIdentity(_ path: String, passphrase: PassphraseOptions) throws(KeyFileError)
        -> OfflineIdentity
    {
        try SecretKeyFile.readOffline(path: path) { () throws(KeyFileError) in try passphrase.passphrase(for: path) }
    }

    /// The packer's secret identity, asking for the passphrase only if the file is protected.
    public static func packerIdentity(_ path: String, passphrase: PassphraseOptions) throws(KeyFileError)
        -> PackerIdentity
    {
        try SecretKeyFile.readPacker(path: path) { () throws(KeyFileError) in try passphrase.passphrase(for: path) }
    }
}
