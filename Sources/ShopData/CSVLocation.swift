/// Where something happened in a CSV file: the file name and, where known, row, physical line and column.
///
/// Rows are 1-based record numbers (the header is row 1); lines are 1-based physical lines, which differ from
/// rows once a quoted field holds a line break. Columns are 1-based; `header` is the column's header name when
/// the header has been read. A location never holds a cell value.
public struct CSVLocation: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The file's name (its last path component), never its full path.
    public var file: String
    /// The 1-based record number (header = 1), or `nil` for problems of the whole file.
    public var row: Int?
    /// The 1-based physical line where the row starts, or `nil` when unknown.
    public var line: Int?
    /// The 1-based column, or `nil` for problems of a whole row.
    public var column: Int?
    /// The header name of `column`, when known.
    public var header: String?

    /// Creates a location.
    /// - Parameters:
    ///   - file: The file name.
    ///   - row: The 1-based record number.
    ///   - line: The 1-based physical line where the row starts.
    ///   - column: The 1-based column.
    ///   - header: The column's header name.
    public init(file: String, row: Int? = nil, line: Int? = nil, column: Int? = nil, header: String? = nil) {
        self.file = file
        self.row = row
        self.line = line
        self.column = column
        self.header = header
    }

    /// `orders.csv, row 12 (line 14), column 3 "Email"`.
    public var description: String {
        var text = file
        if let row {
            text += ", row \(row)"
            if let line, line != row { text += " (line \(line))" }
        } else if let line {
            text += ", line \(line)"
        }
        if let column {
            text += ", column \(column)"
            if let header { text += " \"\(header)\"" }
        }
        return text
    }
}
