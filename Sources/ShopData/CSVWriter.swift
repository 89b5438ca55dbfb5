public import Foundation
internal import Glibc

/// Writes a CSV file atomically: to a temporary file in the target's folder, renamed over the target by
/// `finish()`.
///
/// Until `finish()` succeeds the target is untouched; if writing fails, or the writer is dropped without
/// `finish()`, the temporary file is removed, so nothing is left behind. The file is created with mode 0600
/// (it holds personal data). Values are encoded in the dialect's encoding; a character the encoding cannot hold
/// exactly is `ShopDataError.unrepresentable`, never dropped or replaced.
public final class CSVWriter {
    /// The dialect written.
    public let dialect: CSVDialect
    /// Whether cells that start with `= + - @`, tab or CR get a `'` prefix (for files meant for spreadsheets).
    public let spreadsheetSafe: Bool

    private let target: URL
    private let fileName: String
    private let columnNames: [String]?
    private var temporaryPath: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private var scratch: [UInt8] = []
    private var rowsWritten = 0
    private var closed = false
    private let encoder: IconvConverter?
    private let decoder: FieldDecoder?

    /// Creates the temporary file next to `url`.
    /// - Parameters:
    ///   - url: The file to produce.
    ///   - dialect: Encoding, byte order mark, line ending and quoting; a re-export passes the reader's dialect.
    ///   - spreadsheetSafe: Whether to defuse formula-like cells (OWASP CSV injection).
    ///   - columnNames: Header names, used only to name columns in errors.
    /// - Throws: `ShopDataError.io` when the temporary file cannot be created.
    public init(url: URL, dialect: CSVDialect, spreadsheetSafe: Bool = false, columnNames: [String]? = nil)
        throws(ShopDataError)
    {
        self.dialect = dialect
        self.spreadsheetSafe = spreadsheetSafe
        self.columnNames = columnNames
        target = url
        fileName = url.lastPathComponent
        var template = Array(
            url.deletingLastPathComponent().appendingPathComponent(".\(fileName).tmp-XXXXXX").path.utf8CString)
        let opened = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard opened >= 0 else { throw .io(file: fileName, operation: "create temporary file", errno: errno) }
        descriptor = opened
        temporaryPath = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if dialect.encoding == .utf8 {
            encoder = nil
            decoder = nil
        } else {
            encoder = IconvConverter(from: "UTF-8", to: dialect.encoding.iconvName)
            decoder = FieldDecoder(encoding: dialect.encoding)
        }
        buffer.reserveCapacity(1 << 20)
        if dialect.byteOrderMark { buffer.append(contentsOf: utf8ByteOrderMark) }
    }

    deinit { discard() }

    /// Writes a row of new values.
    /// - Parameter values: The values.
    /// - Throws: `ShopDataError.unrepresentable` (the temporary file is then removed) or `.io`.
    public func write(values: [String]) throws(ShopDataError) {
        try write(values.map(CSVCell.value))
    }

    /// Writes a row read from a file exactly as it was stored (all cells raw).
    /// - Parameter row: The row; the writer's encoding must be the source file's.
    /// - Throws: `ShopDataError.io`.
    public func write(row: CSVRow) throws(ShopDataError) {
        try write(row.fieldRanges.indices.map { CSVCell.raw(row.rawField($0)) })
    }

    /// Writes a row of cells, each either raw bytes or a new value.
    /// - Parameter cells: The cells.
    /// - Throws: `ShopDataError.unrepresentable` (the temporary file is then removed) or `.io`.
    public func write(_ cells: [CSVCell]) throws(ShopDataError) {
        precondition(!closed, "CSVWriter used after finish() or a failure")
        do throws(ShopDataError) {
            if rowsWritten > 0 { buffer.append(contentsOf: dialect.lineEnding.bytes) }
            rowsWritten += 1
            for (column, cell) in cells.enumerated() {
                if column > 0 { buffer.append(Byte.comma) }
                switch cell {
                case .raw(let field):
                    buffer.append(contentsOf: spreadsheetSafe ? SpreadsheetSafety.defuse(raw: field) : field)
                case .value(let text):
                    try append(text, column: column)
                }
            }
            if buffer.count >= 1 << 20 { try flush() }
        } catch {
            discard()
            throw error
        }
    }

    /// Flushes, syncs and renames the temporary file over the target.
    /// - Parameter endWithLineEnding: Whether the last row gets a line ending (pass the reader's
    ///   `endsWithLineEnding` to mirror the input).
    /// - Throws: `ShopDataError.io`; the temporary file is then removed and the target untouched.
    public func finish(endWithLineEnding: Bool = true) throws(ShopDataError) {
        precondition(!closed, "CSVWriter used after finish() or a failure")
        do throws(ShopDataError) {
            if endWithLineEnding && rowsWritten > 0 { buffer.append(contentsOf: dialect.lineEnding.bytes) }
            try flush()
            guard fsync(descriptor) == 0 else { throw .io(file: fileName, operation: "fsync", errno: errno) }
            close(descriptor)
            closed = true
            guard rename(temporaryPath, target.path) == 0 else {
                throw .io(file: fileName, operation: "rename", errno: errno)
            }
            syncFolder()
        } catch {
            discard()
            throw error
        }
    }

    /// Abandons the file: closes and removes the temporary file; the target is untouched.
    public func cancel() { discard() }

    private func discard() {
        if !closed {
            close(descriptor)
            closed = true
        }
        if !temporaryPath.isEmpty {
            unlink(temporaryPath)  // after a successful rename this fails harmlessly with ENOENT
            temporaryPath = ""
        }
    }

    /// Makes the rename durable (best effort: some file systems refuse to open folders for sync).
    private func syncFolder() {
        temporaryPath = ""
        let folder = open(target.deletingLastPathComponent().path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0 {
            _ = fsync(folder)
            close(folder)
        }
    }

    private func flush() throws(ShopDataError) {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes {
                Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw .io(file: fileName, operation: "write", errno: errno)
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private func append(_ text: String, column: Int) throws(ShopDataError) {
        scratch.removeAll(keepingCapacity: true)
        if spreadsheetSafe, let first = text.utf8.first, SpreadsheetSafety.isTrigger(first) {
            scratch.append(SpreadsheetSafety.prefix)
        }
        try encode(text, column: column)
        var needsQuotes = dialect.quoting == .all
        if !needsQuotes, let first = scratch.first, let last = scratch.last {
            needsQuotes =
                first == Byte.space || first == Byte.tab || last == Byte.space || last == Byte.tab
                || scratch.contains { $0 == Byte.comma || $0 == Byte.quote || $0 == Byte.cr || $0 == Byte.lf }
        }
        guard needsQuotes else {
            buffer.append(contentsOf: scratch)
            return
        }
        // In CP932 and Big5, 0x22 is only ever `"` itself (never a trail byte), so doubling bytes is safe.
        buffer.append(Byte.quote)
        for byte in scratch {
            buffer.append(byte)
            if byte == Byte.quote { buffer.append(Byte.quote) }
        }
        buffer.append(Byte.quote)
    }

    /// Appends `text` in the target encoding to `scratch`, checking that it decodes back to the same text.
    private func encode(_ text: String, column: Int) throws(ShopDataError) {
        guard let encoder, let decoder, !text.utf8.allSatisfy({ $0 < 0x80 }) else {
            scratch.append(contentsOf: text.utf8)
            return
        }
        let start = scratch.count
        var source = text
        let converted: Void? = source.withUTF8 { utf8 in
            encoder.convert(utf8) { encoded in scratch.append(contentsOf: encoded) }
        }
        // glibc maps some characters one way only (U+301C WAVE DASH → 0x8160, read back as U+FF5E): the
        // round trip check turns such silent changes into an error.
        let roundTrip =
            converted == nil
            ? nil
            : scratch[start...].withUnsafeBufferPointer {
                try? decoder.decode($0)
            }
        guard roundTrip == text else {
            let name = columnNames.flatMap { column < $0.count ? $0[column] : nil }
            throw .unrepresentable(
                CSVLocation(file: fileName, row: rowsWritten, column: column + 1, header: name),
                encoding: dialect.encoding)
        }
    }
}
