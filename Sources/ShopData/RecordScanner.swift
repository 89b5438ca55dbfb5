/// One field of the record being scanned: its bytes in the record, quotes included.
struct FieldSpan {
    var range: Range<Int>
    var quoted: Bool
    var escapedQuotes: Bool
}

/// How a scanned record ended.
enum RecordEnd: Equatable {
    case endOfFile
    case ending(LineEnding)
}

/// The CSV grammar over raw bytes: splits a block stream into records and fields without decoding anything.
///
/// A state machine over `UInt8`, never `Character`: the inner loops look at one byte and compare it with a few
/// constants. A record's bytes are copied segment by segment (not byte by byte) into `bytes`, so a record that
/// spans two blocks is handled the same as one that does not.
struct RecordScanner {
    /// The bytes of the last record, line ending excluded.
    private(set) var bytes: [UInt8] = []
    /// The fields of the last record.
    private(set) var spans: [FieldSpan] = []
    /// The record number the next scan will read.
    private(set) var nextRecord = 1
    /// The physical line where the last record started.
    private(set) var recordLine = 1
    /// Where scanning continues in the current block.
    var position: Int
    /// Names columns in error locations once the header is known.
    var header: CSVHeader?

    private let fileName: String
    private let maxFieldBytes: Int
    private let maxRowBytes: Int
    private var line = 1

    private enum State { case fieldStart, unquoted, quoted, closingQuote }

    init(fileName: String, options: CSVReadOptions, position: Int) {
        self.fileName = fileName
        maxFieldBytes = options.maxFieldBytes
        maxRowBytes = options.maxRowBytes
        self.position = position
    }

    /// Scans the next record from `file`.
    /// - Returns: How the record ended, or `nil` when the file has no more records.
    mutating func scan(_ file: BlockFile) throws(ShopDataError) -> RecordEnd? {
        bytes.removeAll(keepingCapacity: true)
        spans.removeAll(keepingCapacity: true)
        recordLine = line
        var state = State.fieldStart
        var fieldStart = 0
        var escaped = false
        while true {
            if position >= file.count {
                if file.atEnd { return try finishAtEndOfFile(state, fieldStart: fieldStart, escaped: escaped) }
                try file.refill()
                position = 0
                continue
            }
            let block = file.block
            let end = file.count
            let segmentStart = position
            let base = bytes.count - segmentStart  // record offset of block index i is base + i
            var index = position
            var recordEnd = -1
            scanning: while index < end {
                switch state {
                case .fieldStart:
                    fieldStart = base + index
                    escaped = false
                    if block[index] == Byte.quote {
                        state = .quoted
                        index += 1
                    } else {
                        state = .unquoted
                    }
                case .unquoted:
                    while index < end {
                        let byte = block[index]
                        // Fast path: everything above `"` except `,` is field content.
                        if byte > Byte.quote && byte != Byte.comma {
                            index += 1
                            continue
                        }
                        if byte == Byte.comma {
                            try closeField(fieldStart..<(base + index), quoted: false, escaped: false)
                            state = .fieldStart
                            index += 1
                            continue scanning
                        }
                        if byte == Byte.lf || byte == Byte.cr {
                            try closeField(fieldStart..<(base + index), quoted: false, escaped: false)
                            recordEnd = index
                            break scanning
                        }
                        if byte == Byte.quote { throw .strayQuote(location(column: spans.count)) }
                        if byte == Byte.nul { throw .nulByte(location(column: spans.count)) }
                        index += 1
                    }
                case .quoted:
                    while index < end {
                        let byte = block[index]
                        if byte == Byte.quote {
                            state = .closingQuote
                            index += 1
                            continue scanning
                        }
                        if byte == Byte.lf {
                            line += 1
                        } else if byte == Byte.nul {
                            throw .nulByte(location(column: spans.count))
                        }
                        index += 1
                    }
                case .closingQuote:
                    let byte = block[index]
                    if byte == Byte.quote {
                        escaped = true
                        state = .quoted
                        index += 1
                    } else if byte == Byte.comma {
                        try closeField(fieldStart..<(base + index), quoted: true, escaped: escaped)
                        state = .fieldStart
                        index += 1
                    } else if byte == Byte.lf || byte == Byte.cr {
                        try closeField(fieldStart..<(base + index), quoted: true, escaped: escaped)
                        recordEnd = index
                        break scanning
                    } else if byte == Byte.nul {
                        throw .nulByte(location(column: spans.count))
                    } else {
                        throw .textAfterClosingQuote(location(column: spans.count))
                    }
                }
            }
            if recordEnd >= 0 {
                let isLF = block[recordEnd] == Byte.lf
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: block[segmentStart..<recordEnd]))
                position = recordEnd + 1
                try checkRowLength()
                let ending: LineEnding = isLF ? .lf : (try consumeLF(file) ? .crlf : .cr)
                line += 1
                nextRecord += 1
                return .ending(ending)
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: block[segmentStart..<end]))
            position = end
            try checkRowLength()
            if state != .fieldStart, bytes.count - fieldStart > maxFieldBytes {
                throw .fieldTooLong(location(column: spans.count), limit: maxFieldBytes)
            }
        }
    }

    private mutating func finishAtEndOfFile(_ state: State, fieldStart: Int, escaped: Bool)
        throws(ShopDataError) -> RecordEnd?
    {
        switch state {
        case .fieldStart:
            if bytes.isEmpty && spans.isEmpty { return nil }
            try closeField(bytes.count..<bytes.count, quoted: false, escaped: false)
        case .unquoted:
            try closeField(fieldStart..<bytes.count, quoted: false, escaped: false)
        case .quoted:
            throw .unterminatedQuote(location(column: spans.count))
        case .closingQuote:
            try closeField(fieldStart..<bytes.count, quoted: true, escaped: escaped)
        }
        nextRecord += 1
        return .endOfFile
    }

    /// After a CR: takes the LF of a CRLF, reading the next block when the CR ended the current one.
    private mutating func consumeLF(_ file: BlockFile) throws(ShopDataError) -> Bool {
        if position >= file.count {
            if file.atEnd { return false }
            try file.refill()
            position = 0
            if file.count == 0 { return false }
        }
        guard file.block[position] == Byte.lf else { return false }
        position += 1
        return true
    }

    private mutating func closeField(_ range: Range<Int>, quoted: Bool, escaped: Bool) throws(ShopDataError) {
        if range.count > maxFieldBytes { throw .fieldTooLong(location(column: spans.count), limit: maxFieldBytes) }
        spans.append(FieldSpan(range: range, quoted: quoted, escapedQuotes: escaped))
    }

    private func checkRowLength() throws(ShopDataError) {
        if bytes.count > maxRowBytes { throw .rowTooLong(location(column: nil), limit: maxRowBytes) }
    }

    /// The location of a 0-based column of the record being scanned.
    private func location(column: Int?) -> CSVLocation {
        var at = CSVLocation(file: fileName, row: nextRecord, line: recordLine)
        if let column {
            at.column = column + 1
            if let header, column < header.count { at.header = header.names[column] }
        }
        return at
    }
}
