import AirlockFormat

/// One record version on its way to the file: the version (its rows and source columns) and the field values
/// to write, which for the current view include values restored from earlier versions.
struct ExportEntry {
    var version: ArchivedVersion
    var fields: [ShopRecord.Field]
    /// Fields whose value comes from an earlier version: their source cells hold masks, so they are derived.
    var restored: Set<String>
    /// `--history`: the 1-based revision number.
    var revision: Int?

    init(current: CurrentRecord) {
        version = current.newest
        fields = current.fields
        restored = Set(current.restored)
    }

    init(version: ArchivedVersion, revision: Int) {
        self.version = version
        fields = version.fields
        restored = []
        self.revision = revision
    }
}
