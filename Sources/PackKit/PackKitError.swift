/// What can go wrong on the online side around the state folder and the receipt gate.
/// Cases carry file names, sequence numbers and counts, never record values.
public enum PackKitError: Error, Equatable, Sendable, CustomStringConvertible {
    case stateUnreadable(path: String, reason: String)
    case stateBusy(path: String)
    case chainMismatch(receiptChain: String, stateChain: String)
    case unknownBundle(sequence: UInt64)
    case receiptDoesNotMatch(sequence: UInt64, reason: String)
    case noEligibleRows
    case noInput
    case inputChanged(file: String)

    public var description: String {
        switch self {
        case let .stateUnreadable(path, reason):
            "\(path): the state folder cannot be used (\(reason)); check the --state path and its permissions"
        case let .stateBusy(path):
            "\(path): another airlock-pack is using this state folder; wait for it to finish"
        case let .chainMismatch(receiptChain, stateChain):
            "the receipt is for chain \(receiptChain), but this state folder packs chain \(stateChain); check --state"
        case let .unknownBundle(sequence):
            "the receipt names bundle \(sequence), which this state folder never sent; check --state"
        case let .receiptDoesNotMatch(sequence, reason):
            "the receipt for bundle \(sequence) does not match what was sent (\(reason)); nothing was released"
        case .noEligibleRows:
            "no row is eligible yet (see the summary for why); nothing was sealed"
        case .noInput:
            "give --members FILE, --orders FILE, or both"
        case let .inputChanged(file):
            "\(file) changed while it was being packed; nothing was sent: wait until the export is complete and run pack again"
        }
    }
}
