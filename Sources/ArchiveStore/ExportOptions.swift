public import AirlockFormat

/// What `Archive.export(_:to:)` writes: which records, in which layout and format, masked or not
/// (`Spec/export.md`).
public struct ExportOptions: Sendable, Equatable {
    /// The file format.
    public enum Format: String, Sendable, Equatable, CaseIterable {
        /// CSV in the chosen layout and encoding.
        case csv
        /// One JSON object per CSV row, UTF-8, keys in column order.
        case jsonl
    }

    /// Members or orders.
    public var kind: ShopRecord.Kind
    /// CSV or JSON Lines.
    public var format: Format
    /// CSV only: `utf-8`, `utf-8-bom`, `cp932` or `big5`. JSON Lines is always UTF-8.
    public var encoding: String
    /// The layout: nil for the canonical `airlock` layout, else a built-in profile's name or a profile file
    /// (a path ending in `.json`).
    public var profile: String?
    /// Whether to mask with the policy.
    public var masked: Bool
    /// The masking policy file; nil for the default policy. Only used when `masked`.
    public var policyPath: String?
    /// Only records whose date field names this day or a later one.
    public var since: ExportDay?
    /// Only records whose date field names this day or an earlier one.
    public var until: ExportDay?
    /// Every version of every record instead of the current view.
    public var history: Bool
    /// CSV only: prefix cells that a spreadsheet would run as formulas with `'`.
    public var spreadsheetSafe: Bool

    /// Options for a full, unmasked CSV export of the current view in the canonical layout, by default.
    public init(
        kind: ShopRecord.Kind, format: Format = .csv, encoding: String = "utf-8", profile: String? = nil,
        masked: Bool = false, policyPath: String? = nil, since: ExportDay? = nil, until: ExportDay? = nil,
        history: Bool = false, spreadsheetSafe: Bool = true
    ) {
        self.kind = kind
        self.format = format
        self.encoding = encoding
        self.profile = profile
        self.masked = masked
        self.policyPath = policyPath
        self.since = since
        self.until = until
        self.history = history
        self.spreadsheetSafe = spreadsheetSafe
    }
}
