/// What an export wrote (also recorded in the audit log, without personal data).
public struct ExportSummary: Equatable, Sendable, Encodable {
    /// The file written.
    public var path: String
    /// Records written: current views, or versions with `--history`.
    public var records: Int
    /// Data rows written (orders: one per line item).
    public var rows: Int
    /// Columns per row.
    public var columns: Int
    /// Masked exports: cells left empty because the layout's importer would refuse their mask.
    public var blankedCells: Int
}
