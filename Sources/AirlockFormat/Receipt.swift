public import SodiumKit
import Foundation

/// The offline host's signed statement that it holds a bundle's records (`Spec/receipts.md`). Plain text with
/// no personal data: the online side's `confirm` releases the masked re-export only against a valid receipt.
public struct Receipt: Equatable, Sendable {
    /// First line of every v1 receipt.
    public static let firstLine = "airlock-receipt/1"
    static let signatureDomain = Array("airlock/v1/receipt".utf8) + [0]
    static let maxLength = 4096

    /// The chain the bundle belongs to (16 bytes).
    public var chainID: [UInt8]
    /// The bundle's sequence number.
    public var sequence: UInt64
    /// The bundle hash.
    public var bundleHash: [UInt8]
    /// Members and orders imported from the bundle.
    public var members: UInt64
    public var orders: UInt64
    /// When the import committed (UTC, RFC 3339 with seconds).
    public var importedAt: String
    /// The archive's audit-log head after the import (32 bytes).
    public var auditHead: [UInt8]
    /// The key id of the offline receipt key that signed it.
    public var signerKeyID: KeyID

    public init(
        chainID: [UInt8], sequence: UInt64, bundleHash: [UInt8], members: UInt64, orders: UInt64,
        importedAt: String, auditHead: [UInt8], signerKeyID: KeyID
    ) {
        self.chainID = chainID
        self.sequence = sequence
        self.bundleHash = bundleHash
        self.members = members
        self.orders = orders
        self.importedAt = importedAt
        self.auditHead = auditHead
        self.signerKeyID = signerKeyID
    }

    /// The signed lines, each ending in LF.
    var body: String {
        """
        \(Self.firstLine)
        chain: \(Hex.encode(chainID))
        sequence: \(sequence)
        bundle: \(Hex.encode(bundleHash))
        members: \(members)
        orders: \(orders)
        imported-at: \(importedAt)
        audit-head: \(Hex.encode(auditHead))
        signer: \(signerKeyID)

        """
    }

    /// The receipt text, signed by the offline identity's receipt key.
    public func signed(by key: SigningSecretKey) -> String {
        precondition(KeyID(key.publicKey) == signerKeyID, "the receipt names another signer")
        let signature = key.sign(Self.signatureDomain + Array(body.utf8))
        return body + "signature: " + Data(signature.bytes).base64EncodedString() + "\n"
    }

    /// Parses a receipt strictly (fixed line order, LF endings) and checks its signature.
    ///
    /// - Parameter signer: the offline identity whose receipts are trusted.
    public static func verify(_ text: String, signer: SigningPublicKey, source: String) throws(ReceiptError) -> Receipt {
        guard text.utf8.count <= maxLength else { throw .malformed(source: source, reason: "longer than \(maxLength) bytes") }
        guard text.hasSuffix("\n"), !text.contains("\r") else {
            throw .malformed(source: source, reason: "lines must end in a single LF")
        }
        let lines = text.dropLast().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let keys = ["chain", "sequence", "bundle", "members", "orders", "imported-at", "audit-head", "signer", "signature"]
        guard lines.count == keys.count + 1, lines[0] == firstLine else {
            throw .malformed(source: source, reason: "not an airlock-receipt/1")
        }
        var values: [String] = []
        for (line, key) in zip(lines.dropFirst(), keys) {
            guard line.hasPrefix(key + ": ") else { throw .malformed(source: source, reason: "expected '\(key):'") }
            values.append(String(line.dropFirst(key.count + 2)))
        }
        guard let chain = Hex.decode(values[0]), chain.count == 16, values[0] == values[0].lowercased(),
            let sequence = UInt64(values[1]), String(sequence) == values[1], sequence >= 1,
            let bundle = Hex.decode(values[2]), bundle.count == 32, values[2] == values[2].lowercased(),
            let members = UInt64(values[3]), String(members) == values[3],
            let orders = UInt64(values[4]), String(orders) == values[4],
            let audit = Hex.decode(values[6]), audit.count == 32, values[6] == values[6].lowercased(),
            let signerID = KeyID(values[7]), signerID.description == values[7],
            let signatureData = Data(base64Encoded: values[8]), signatureData.count == 64
        else { throw .malformed(source: source, reason: "a field is out of form") }
        guard ISO8601DateFormatter().date(from: values[5]) != nil else {
            throw .malformed(source: source, reason: "imported-at is not an RFC 3339 time")
        }
        let receipt = Receipt(
            chainID: chain, sequence: sequence, bundleHash: bundle, members: members, orders: orders,
            importedAt: values[5], auditHead: audit, signerKeyID: signerID)
        guard signerID == KeyID(signer) else { throw .unknownSigner(source: source, keyID: signerID) }
        let signature = try! Signature(bytes: Array(signatureData))
        guard signer.isValidSignature(signature, for: signatureDomain + Array(receipt.body.utf8)) else {
            throw .badSignature(source: source)
        }
        return receipt
    }
}

/// Why a receipt was refused.
public enum ReceiptError: Error, Equatable, Sendable, CustomStringConvertible {
    case malformed(source: String, reason: String)
    case unknownSigner(source: String, keyID: KeyID)
    case badSignature(source: String)

    public var description: String {
        switch self {
        case let .malformed(source, reason):
            "\(source): not a valid Airlock receipt (\(reason)); copy the receipt file again from the offline host"
        case let .unknownSigner(source, keyID):
            "\(source): the receipt is signed by key \(keyID), not by this offline identity; check --from"
        case let .badSignature(source):
            "\(source): the receipt's signature does not verify: it was altered or forged; do not confirm"
        }
    }
}
