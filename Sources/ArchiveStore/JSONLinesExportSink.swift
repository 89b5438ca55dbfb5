import AirlockFormat

/// Writes an export as JSON Lines (UTF-8, LF): one object per row, keys in column order, values strings,
/// written exactly (never spreadsheet-prefixed). Temporary file, then rename; mode 0600.
final class JSONLinesExportSink: ExportSink {
    private let writer: AtomicFileWriter
    private let path: String
    /// Each key already encoded as `"key":`, with the comma before all but the first.
    private let encodedKeys: [[UInt8]]

    init(path: String, keys: [String]) throws(ExportError) {
        self.path = path
        do {
            writer = try AtomicFileWriter(path: path, mode: 0o600)
        } catch {
            throw .cannotWrite(path: path, reason: "cannot create the file (\(error.description))")
        }
        encodedKeys = keys.enumerated().map { index, key in
            var bytes: [UInt8] = index == 0 ? [] : [UInt8(ascii: ",")]
            Self.appendString(key, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            return bytes
        }
    }

    func write(_ values: [String], key: String) throws(ExportError) {
        var line: [UInt8] = [UInt8(ascii: "{")]
        for (index, value) in values.enumerated() where index < encodedKeys.count {
            line += encodedKeys[index]
            Self.appendString(value, to: &line)
        }
        line += [UInt8(ascii: "}"), UInt8(ascii: "\n")]
        do {
            try writer.write(line)
        } catch {
            throw .cannotWrite(path: path, reason: error.description)
        }
    }

    func finish() throws(ExportError) {
        do {
            try writer.commit()
        } catch {
            throw .cannotWrite(path: path, reason: error.description)
        }
    }

    func cancel() { writer.discard() }

    /// A JSON string (RFC 8259): `"` and `\` escaped, control characters as `\n`, `\r`, `\t` or `\u00XX`,
    /// everything else as UTF-8.
    static func appendString(_ text: String, to bytes: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x0A: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20:
                bytes += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
