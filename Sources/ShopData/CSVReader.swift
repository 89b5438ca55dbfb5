public import Foundation

/// Reads a CSV file record by record, in blocks, never holding the whole file in memory.
///
/// The header is read when the reader is created; `next()` then returns data rows until the end. The reader
/// accepts RFC 4180 plus what real back offices write: LF or lone CR line endings as well as CRLF, a UTF-8 byte
/// order mark, CP932 and Big5 files, and line breaks inside quoted fields. Everything else is an error with its
/// row and column (see `ShopDataError`). A file with a header and no rows is valid and has zero rows.
///
/// A reader is a single-threaded cursor and is not `Sendable`.
public final class CSVReader {
    /// The file's name (its last path component).
    public let fileName: String
    /// The file's encoding, byte order mark, line ending (the header's) and quoting style (`.all` when every
    /// header cell is quoted).
    public private(set) var dialect: CSVDialect
    /// The header: column names and unique keys.
    public private(set) var header = CSVHeader(names: [])
    /// The header record itself, for writing it back byte for byte.
    public private(set) var headerRow = CSVRow(record: 1, line: 1, values: [], bytes: [], fieldRanges: [])
    /// Warnings collected so far (mixed line endings, once per file).
    public private(set) var warnings: [ShopDataWarning] = []
    /// Whether the last record read ended with a line ending; after `next()` returned `nil`, whether the file
    /// ends with one.
    public private(set) var endsWithLineEnding = false

    private let options: CSVReadOptions
    private let file: BlockFile
    private let decoder: FieldDecoder
    private var scanner: RecordScanner
    private var warnedMixedLineEndings = false

    /// Opens a file and reads its header.
    /// - Parameters:
    ///   - url: The file to read.
    ///   - options: Encoding (or detection), limits and allowed duplicate header names.
    /// - Throws: `ShopDataError`: `.emptyFile`, `.unknownEncoding`, header errors, `.io`.
    public init(url: URL, options: CSVReadOptions = CSVReadOptions()) throws(ShopDataError) {
        fileName = url.lastPathComponent
        self.options = options
        file = try BlockFile(path: url.path, name: fileName, blockSize: options.blockSize)
        try file.refill()
        let block = UnsafeBufferPointer(start: file.block.baseAddress, count: file.count)
        let hasByteOrderMark = block.starts(with: utf8ByteOrderMark)
        let position = hasByteOrderMark ? 3 : 0
        guard file.count > position else { throw .emptyFile(file: fileName) }
        let encoding: ShopEncoding
        if let chosen = options.encoding {
            encoding = chosen
        } else if hasByteOrderMark {
            encoding = .utf8
        } else {
            let sample = UnsafeBufferPointer(rebasing: block[position...])
            guard
                let detected = EncodingDetector.detect(
                    sample, isWholeFile: file.atEnd, fallback: options.fallbackEncoding)
            else {
                throw .unknownEncoding(file: fileName)
            }
            encoding = detected
        }
        decoder = FieldDecoder(encoding: encoding)
        dialect = CSVDialect(encoding: encoding, byteOrderMark: hasByteOrderMark)
        scanner = RecordScanner(fileName: fileName, options: options, position: hasByteOrderMark ? 3 : 0)
        try readHeader()
    }

    private func readHeader() throws(ShopDataError) {
        guard let ending = try scanner.scan(file) else {
            throw .emptyFile(file: fileName)
        }
        endsWithLineEnding = ending != .endOfFile
        var names: [String] = []
        var firstColumn: [String: Int] = [:]
        let decoded = try decodeValues(record: 1, line: 1)
        for column in decoded.indices {
            let at = CSVLocation(file: fileName, row: 1, line: 1, column: column + 1)
            let name = decoded[column].trimmingCharacters(in: .whitespacesAndNewlines)
            guard !name.isEmpty else { throw .emptyHeaderName(at) }
            if let first = firstColumn[name], !options.allowedDuplicateHeaders.allows(name) {
                throw .duplicateHeaderName(
                    CSVLocation(
                        file: fileName, row: 1, line: 1, column: column + 1,
                        header: name), firstColumn: first)
            }
            if firstColumn[name] == nil { firstColumn[name] = column + 1 }
            names.append(name)
        }
        header = CSVHeader(names: names)
        scanner.header = header
        headerRow = CSVRow(
            record: 1, line: 1, values: names, bytes: scanner.bytes,
            fieldRanges: scanner.spans.map(\.range))
        if case .ending(let lineEnding) = ending { dialect.lineEnding = lineEnding }
        dialect.quoting = scanner.spans.allSatisfy(\.quoted) ? .all : .whenNeeded
    }

    /// Reads the next data row.
    /// - Returns: The row, or `nil` at the end of the file.
    /// - Throws: `ShopDataError` for malformed rows, with their row and column.
    public func next() throws(ShopDataError) -> CSVRow? {
        let record = scanner.nextRecord
        guard let ending = try scanner.scan(file) else { return nil }
        endsWithLineEnding = ending != .endOfFile
        let line = scanner.recordLine
        let spans = scanner.spans
        guard spans.count == header.count else {
            let at = CSVLocation(file: fileName, row: record, line: line)
            if spans.count == 1, scanner.bytes.isEmpty { throw .blankLine(at) }
            throw .raggedRow(at, expected: header.count, actual: spans.count)
        }
        let values = try decodeValues(record: record, line: line)
        if case .ending(let lineEnding) = ending, lineEnding != dialect.lineEnding, !warnedMixedLineEndings {
            warnedMixedLineEndings = true
            warnings.append(
                ShopDataWarning(
                    .mixedLineEndings,
                    at: CSVLocation(
                        file: fileName, row: record,
                        line: line)))
        }
        return CSVRow(
            record: record, line: line, values: values, bytes: Self.exactCopy(scanner.bytes),
            fieldRanges: spans.map(\.range))
    }

    /// A copy of `bytes` in storage of exactly its size. Sharing the scanner's buffer instead would make its
    /// next scan allocate a new buffer of the same capacity, the largest record's so far, for every row: rows a
    /// pack keeps in flight would each hold that much.
    private static func exactCopy(_ bytes: [UInt8]) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: bytes.count) { buffer, count in
            count = buffer.initialize(fromContentsOf: bytes)
        }
    }

    private func location(_ record: Int, _ line: Int, _ column: Int) -> CSVLocation {
        CSVLocation(
            file: fileName, row: record, line: line, column: column + 1,
            header: column < header.count ? header.names[column] : nil)
    }

    /// Decodes every field of the scanned record; builds an error location only when a field fails.
    private func decodeValues(record: Int, line: Int) throws(ShopDataError) -> [String] {
        var failure: (column: Int, error: FieldDecoder.Failure)?
        let values = scanner.bytes.withUnsafeBufferPointer { buffer -> [String] in
            var values: [String] = []
            values.reserveCapacity(scanner.spans.count)
            for (column, span) in scanner.spans.enumerated() {
                do throws(FieldDecoder.Failure) {
                    values.append(
                        try decoder.decodeField(
                            UnsafeBufferPointer(rebasing: buffer[span.range]),
                            quoted: span.quoted, escapedQuotes: span.escapedQuotes))
                } catch {
                    failure = (column, error)
                    break
                }
            }
            return values
        }
        guard let failure else { return values }
        let at = location(record, line, failure.column)
        switch failure.error {
        case .invalid: throw .invalidBytes(at, encoding: decoder.encoding)
        case .byteOrderMark: throw .byteOrderMarkInMiddle(at)
        }
    }
}
