public import SodiumKit

/// The offline host's public identity: the key bundles are sealed to, and the key that signs its receipts.
public struct OfflinePublicIdentity: Equatable, Sendable {
    /// X25519 key that file keys are sealed to.
    public var recipient: RecipientPublicKey
    /// Ed25519 key that signs receipts.
    public var receiptSigner: SigningPublicKey

    public init(recipient: RecipientPublicKey, receiptSigner: SigningPublicKey) {
        self.recipient = recipient
        self.receiptSigner = receiptSigner
    }

    /// The identity's key id: that of its recipient key, as written in bundle stanzas.
    public var keyID: KeyID { KeyID(recipient) }
}

/// The offline host's secret identity.
public final class OfflineIdentity: Sendable {
    /// Opens bundles.
    public let recipient: RecipientSecretKey
    /// Signs receipts.
    public let receiptSigner: SigningSecretKey

    /// Wraps existing keys.
    public init(recipient: RecipientSecretKey, receiptSigner: SigningSecretKey) {
        self.recipient = recipient
        self.receiptSigner = receiptSigner
    }

    /// A fresh random identity.
    public static func generate() -> OfflineIdentity {
        OfflineIdentity(recipient: RecipientSecretKey(), receiptSigner: SigningSecretKey())
    }

    /// The public half.
    public var publicIdentity: OfflinePublicIdentity {
        OfflinePublicIdentity(recipient: recipient.publicKey, receiptSigner: receiptSigner.publicKey)
    }
}

/// The online server's secret identity: the Ed25519 key that signs bundles.
public final class PackerIdentity: Sendable {
    /// Signs bundles.
    public let signer: SigningSecretKey

    public init(signer: SigningSecretKey) { self.signer = signer }

    /// A fresh random identity.
    public static func generate() -> PackerIdentity { PackerIdentity(signer: SigningSecretKey()) }

    /// The public key that offline hosts trust.
    public var publicKey: SigningPublicKey { signer.publicKey }
}
