import AirlockFormat
public import SodiumKit
import Foundation

/// Releases a bundle's masked re-export only against a valid receipt from the offline host.
public enum ReceiptGate {
    /// What `confirm` did.
    public enum Outcome: Equatable, Sendable {
        /// The masked re-export moved from `pending/` to this `ready/` folder.
        case released(sequence: UInt64, folder: String, files: [String])
        /// The bundle had already been confirmed; nothing changed.
        case alreadyConfirmed(sequence: UInt64, folder: String)
    }

    /// Verifies `receiptText` with the offline identity's receipt key, matches it to a sent bundle (chain,
    /// sequence, bundle hash, counts), then moves its masked re-export to `ready/` and records the receipt.
    public static func confirm(
        receiptText: String, source: String, offlineReceiptKey: SigningPublicKey, state: PackState
    ) throws -> Outcome {
        let receipt = try Receipt.verify(receiptText, signer: offlineReceiptKey, source: source)
        return try state.locked {
            let chain = try state.chain()
            let receiptChain = Hex.encode(receipt.chainID)
            guard receiptChain == chain.chainID else {
                throw PackKitError.chainMismatch(receiptChain: receiptChain, stateChain: chain.chainID)
            }
            guard var entry = try state.entry(receipt.sequence), entry.status != .reserved else {
                throw PackKitError.unknownBundle(sequence: receipt.sequence)
            }
            guard entry.bundleHash == Hex.encode(receipt.bundleHash) else {
                throw PackKitError.receiptDoesNotMatch(sequence: entry.sequence, reason: "another bundle hash")
            }
            guard entry.members == receipt.members, entry.orders == receipt.orders else {
                throw PackKitError.receiptDoesNotMatch(
                    sequence: entry.sequence,
                    reason: "the offline host holds \(receipt.members) members and \(receipt.orders) orders, "
                        + "\(entry.members) and \(entry.orders) were sealed")
            }
            let ready = state.readyFolder(entry.sequence)
            if entry.status == .confirmed { return .alreadyConfirmed(sequence: entry.sequence, folder: ready) }
            let pending = state.pendingFolder(entry.sequence)
            if FileManager.default.fileExists(atPath: pending) {
                try FileManager.default.moveItem(atPath: pending, toPath: ready)
            }
            let receiptFile = try AtomicFileWriter(path: state.receiptPath(entry.sequence), mode: 0o600, overwrite: true)
            try receiptFile.write(Array(receiptText.utf8))
            try receiptFile.commit()
            entry.status = .confirmed
            entry.confirmedAt = ISO8601DateFormatter().string(from: Date())
            try state.save(entry)
            return .released(sequence: entry.sequence, folder: ready, files: entry.maskedFiles)
        }
    }
}
