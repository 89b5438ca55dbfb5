public import AirlockFormat
public import SodiumKit

extension Archive {
    /// The packer keys this archive accepts bundles from.
    public func trustList() throws(ArchiveError) -> TrustList { try TrustList.read(layout) }

    /// Adds a packer key to the trust list and records it in the audit log.
    ///
    /// - Returns: false when the key was already trusted (nothing changes, nothing is logged).
    @discardableResult
    public func trust(_ key: SigningPublicKey) throws(ArchiveError) -> Bool {
        var list = try trustList()
        guard list.add(key) else { return false }
        try list.write(layout)
        try audit(.trustAdded, ["key_id": .string(KeyID(key).description)])
        return true
    }

    /// Removes a packer key from the trust list and records it in the audit log. Bundles it signed stay
    /// archived; `check` still verifies them with the key stored alongside each bundle.
    ///
    /// - Throws: ``ArchiveError/trust(_:)`` when no trusted key has this id.
    public func distrust(_ id: KeyID) throws(ArchiveError) {
        var list = try trustList()
        guard list.remove(id) else { throw .trust("no trusted key has id \(id); see 'airlock-unpack trust list'") }
        try list.write(layout)
        try audit(.trustRemoved, ["key_id": .string(id.description), "remaining": .int(Int64(list.keys.count))])
    }
}
