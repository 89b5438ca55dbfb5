/// Defuses CSV injection for files meant for people (OWASP "CSV Injection" guidance).
///
/// A cell that starts with `=`, `+`, `-`, `@`, a tab or a CR can run as a formula when a spreadsheet opens the
/// file; prefixing it with `'` makes spreadsheets show it as text. Negative numbers (`-500`) are prefixed too:
/// the guidance treats every such cell alike, since a formula can look like a number (`-2+3`).
enum SpreadsheetSafety {
    /// The first bytes that trigger a prefix.
    static func isTrigger(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), Byte.tab, Byte.cr: true
        default: false
        }
    }

    /// The prefix written before a triggering cell.
    static let prefix = UInt8(ascii: "'")

    /// A stored field with the prefix inserted after its opening quote (or at its start), when it needs one.
    static func defuse(raw field: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let quoted = field.first == Byte.quote
        let contentStart = field.startIndex + (quoted ? 1 : 0)
        guard contentStart < field.endIndex, isTrigger(field[contentStart]) else { return field }
        if quoted {
            return ArraySlice([Byte.quote, prefix] + field[contentStart...])
        }
        // A bare CR or tab is already quoted in any file we read, so an unquoted trigger is `=+-@`.
        return ArraySlice([prefix] + field)
    }
}
