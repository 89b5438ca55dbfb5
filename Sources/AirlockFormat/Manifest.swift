/// The first frame of every payload: what the bundle holds, so the reader can check it before trusting it.
/// UTF-8 JSON; field names and meanings in `Spec/records.md`, "Manifest".
public struct Manifest: Codable, Equatable, Sendable {
    /// `airlock-manifest/1`.
    public static let currentFormat = "airlock-manifest/1"

    /// One source CSV file.
    public struct Source: Codable, Equatable, Sendable {
        /// `member` or `order`.
        public var kind: ShopRecord.Kind
        /// The file's name (no folders).
        public var file: String
        /// The profile (layout) it was read with.
        public var profile: String
        /// The encoding it was read in: `utf-8`, `utf-8-bom`, `cp932`, `big5`.
        public var encoding: String
        /// `crlf` or `lf`.
        public var lineEnding: String
        /// Lower-case hex BLAKE2b-256 of the whole file as read.
        public var blake2b: String
        /// Size of the file in bytes.
        public var bytes: UInt64
        /// Data rows in the file (the header excluded).
        public var rows: UInt64
        /// Rows sealed in this bundle (the rest were not yet eligible).
        public var sealedRows: UInt64
        /// Header names of the sealed columns, in file order: each record row's cells align with these.
        public var columns: [String]
        /// For each sealed column, the canonical field it maps to, or nil when unmapped.
        public var fields: [String?]
        /// Credential columns present in the file that were deliberately not sealed.
        public var credentialColumns: [String]

        public init(
            kind: ShopRecord.Kind, file: String, profile: String, encoding: String, lineEnding: String,
            blake2b: String, bytes: UInt64, rows: UInt64, sealedRows: UInt64, columns: [String], fields: [String?],
            credentialColumns: [String]
        ) {
            self.kind = kind
            self.file = file
            self.profile = profile
            self.encoding = encoding
            self.lineEnding = lineEnding
            self.blake2b = blake2b
            self.bytes = bytes
            self.rows = rows
            self.sealedRows = sealedRows
            self.columns = columns
            self.fields = fields
            self.credentialColumns = credentialColumns
        }

        enum CodingKeys: String, CodingKey {
            case kind, file, profile, encoding, blake2b, bytes, rows, columns, fields
            case lineEnding = "line_ending"
            case sealedRows = "sealed_rows"
            case credentialColumns = "credential_columns"
        }
    }

    /// Record counts per kind.
    public struct Counts: Codable, Equatable, Sendable {
        public var members: UInt64
        public var orders: UInt64

        public init(members: UInt64, orders: UInt64) {
            self.members = members
            self.orders = orders
        }
    }

    /// `airlock-manifest/1`.
    public var format: String
    /// When the packer ran, RFC 3339 UTC.
    public var createdAt: String
    /// The packer's version string.
    public var packer: String
    /// The shop's time zone (IANA), in which eligibility was computed.
    public var timeZone: String
    /// The export window: members registered before this instant and orders completed before it were sealed.
    public var membersRegisteredBefore: String?
    public var ordersCompletedBefore: String?
    /// Records per kind in this payload.
    public var counts: Counts
    /// The source files, indexed by each record's `source`.
    public var sources: [Source]

    public init(
        createdAt: String, packer: String, timeZone: String, membersRegisteredBefore: String?,
        ordersCompletedBefore: String?, counts: Counts, sources: [Source]
    ) {
        format = Self.currentFormat
        self.createdAt = createdAt
        self.packer = packer
        self.timeZone = timeZone
        self.membersRegisteredBefore = membersRegisteredBefore
        self.ordersCompletedBefore = ordersCompletedBefore
        self.counts = counts
        self.sources = sources
    }

    enum CodingKeys: String, CodingKey {
        case format, packer, counts, sources
        case createdAt = "created_at"
        case timeZone = "time_zone"
        case membersRegisteredBefore = "members_registered_before"
        case ordersCompletedBefore = "orders_completed_before"
    }
}
