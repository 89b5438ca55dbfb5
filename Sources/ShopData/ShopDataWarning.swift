/// Something in a file that Airlock can read but a person should know about.
///
/// Like errors, warnings carry positions and column names, never cell values.
public struct ShopDataWarning: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// What kind of problem the warning reports.
    public enum Kind: String, Sendable, Equatable, Hashable, CaseIterable {
        /// Rows end with different line endings (some CRLF, some LF).
        case mixedLineEndings = "mixed-line-endings"
        /// A spreadsheet's apostrophe prefix (`'0912345678`) was removed from an ID, phone or postal code.
        case apostrophePrefix = "apostrophe-prefix"
        /// An ID, phone or postal code is in scientific notation (`9.05E+09`): its digits are lost.
        case scientificNotation = "scientific-notation"
        /// A phone number seems to have lost its leading zero to a spreadsheet.
        case lostLeadingZero = "lost-leading-zero"
    }

    /// What kind of problem this is.
    public var kind: Kind
    /// Where it is.
    public var location: CSVLocation

    /// Creates a warning.
    /// - Parameters:
    ///   - kind: The kind of problem.
    ///   - location: Where it is.
    public init(_ kind: Kind, at location: CSVLocation) {
        self.kind = kind
        self.location = location
    }

    /// A one-line message: where, what, and what it means.
    public var message: String {
        switch kind {
        case .mixedLineEndings:
            "the row ends with a different line ending than the header; the file was edited with several tools"
        case .apostrophePrefix:
            "the leading apostrophe (a spreadsheet's text marker) was removed from the value"
        case .scientificNotation:
            "the value is in scientific notation; its digits were lost in a spreadsheet and cannot be recovered, "
                + "export it again from the shop"
        case .lostLeadingZero:
            "the phone number seems to have lost its leading zero in a spreadsheet; it cannot be recovered, "
                + "export it again from the shop"
        }
    }

    /// `warning: members.csv, row 3, column 4 "Phone": …`.
    public var description: String { "warning: \(location): \(message)" }
}
