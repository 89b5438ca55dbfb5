extension TrustList {
    /// Reads the trust list of the store at `root` without opening its database: nothing is migrated, locked
    /// or logged. For `verify-release`, which must leave the store exactly as it found it.
    ///
    /// - Throws: ``ArchiveError/notAStore(path:reason:)`` when the folder has no `config.json` or `trust` file.
    public static func read(storeAt root: String) throws(ArchiveError) -> TrustList {
        let layout = StoreLayout(root: root)
        _ = try StoreConfig.read(layout)
        return try read(layout)
    }
}
