import AirlockFormat
public import Foundation
public import Masking
public import ShopData
public import SodiumKit

/// Everything one `pack` run needs: the exports, how to read and mask them, and the keys.
public struct PackRequest: Sendable {
    /// The members export, if any.
    public var membersFile: String?
    /// The orders export, if any.
    public var ordersFile: String?
    /// The layout; nil detects it from each file's header.
    public var profile: Profile?
    /// Forces the encoding; nil detects it.
    public var encoding: ShopEncoding?
    /// The masking policy.
    public var policy: MaskingPolicy
    /// Members registered at least this many days ago are sealed (default 0).
    public var memberMinAgeDays: Int
    /// Orders in a final status and completed at least this many days ago are sealed (default 10).
    public var orderMinAgeDays: Int
    /// The instant eligibility is computed at.
    public var now: Date
    /// Recipients the bundle is sealed to (the offline host, optionally an escrow key).
    public var recipients: [RecipientPublicKey]
    /// The packer's signing key.
    public var signer: SigningSecretKey
    /// The folder bundles are written to.
    public var outputDirectory: String
    /// The packer's name and version, recorded in the manifest.
    public var packerName: String

    public init(
        membersFile: String?, ordersFile: String?, profile: Profile?, encoding: ShopEncoding?, policy: MaskingPolicy,
        memberMinAgeDays: Int = 0, orderMinAgeDays: Int = 10, now: Date = Date(), recipients: [RecipientPublicKey],
        signer: SigningSecretKey, outputDirectory: String, packerName: String
    ) {
        self.membersFile = membersFile
        self.ordersFile = ordersFile
        self.profile = profile
        self.encoding = encoding
        self.policy = policy
        self.memberMinAgeDays = memberMinAgeDays
        self.orderMinAgeDays = orderMinAgeDays
        self.now = now
        self.recipients = recipients
        self.signer = signer
        self.outputDirectory = outputDirectory
        self.packerName = packerName
    }
}
