/// One record of a CSV file: its position, decoded values, and the exact bytes of every field.
public struct CSVRow: Sendable, Equatable {
    /// The 1-based record number (the header is row 1).
    public let record: Int
    /// The 1-based physical line where the record starts.
    public let line: Int
    /// The decoded cell values (quotes removed, doubled quotes undone).
    public let values: [String]
    /// The record's bytes as stored in the file, in its encoding, line ending excluded.
    let bytes: [UInt8]
    /// Each field's range in `bytes`, surrounding quotes included.
    let fieldRanges: [Range<Int>]

    init(record: Int, line: Int, values: [String], bytes: [UInt8], fieldRanges: [Range<Int>]) {
        self.record = record
        self.line = line
        self.values = values
        self.bytes = bytes
        self.fieldRanges = fieldRanges
    }

    /// The number of cells.
    public var count: Int { values.count }

    /// The decoded value of the cell at a 0-based index.
    public subscript(index: Int) -> String { values[index] }

    /// The field at a 0-based index exactly as stored: original encoding, surrounding quotes and doubled quotes
    /// included. Writing it back with `CSVCell.raw` reproduces the file byte for byte.
    /// - Parameter index: The 0-based column index.
    public func rawField(_ index: Int) -> ArraySlice<UInt8> { bytes[fieldRanges[index]] }

    /// The whole record as stored, line ending excluded.
    public var rawBytes: [UInt8] { bytes }
}
