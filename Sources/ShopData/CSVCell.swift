/// A cell to write: either a field's original bytes (an unchanged cell of a re-export) or a new value.
public enum CSVCell: Sendable, Equatable {
    /// The field exactly as stored in the source file (`CSVRow.rawField(_:)`), quotes included. Written as is,
    /// so the target must use the source's encoding.
    case raw(ArraySlice<UInt8>)
    /// A new value, encoded and quoted by the writer.
    case value(String)
}
