import Foundation
import ShopData
import Testing

/// Reads every row of a file.
func readAll(_ url: URL, options: CSVReadOptions = CSVReadOptions()) throws -> (CSVReader, [CSVRow]) {
    let reader = try CSVReader(url: url, options: options)
    var rows: [CSVRow] = []
    while let row = try reader.next() { rows.append(row) }
    return (reader, rows)
}

@Suite struct CSVReaderTests {
    @Test func readsQuotedCommasDoubledQuotesAndLineBreaks() throws {
        let folder = try TemporaryFolder()
        let url = try folder.file(
            "members.csv",
            "id,name,address\r\n1,\"Lin, Mei\",\"台北市大安區\r\n忠孝東路四段1號\"\r\n2,\"say \"\"hi\"\"\",\r\n")
        let (reader, rows) = try readAll(url)
        #expect(reader.header.names == ["id", "name", "address"])
        #expect(reader.dialect == CSVDialect(encoding: .utf8, byteOrderMark: false, lineEnding: .crlf))
        #expect(rows.count == 2)
        #expect(rows[0].values == ["1", "Lin, Mei", "台北市大安區\r\n忠孝東路四段1號"])
        #expect(rows[0].record == 2)
        #expect(rows[0].line == 2)
        #expect(rows[1].values == ["2", "say \"hi\"", ""])
        #expect(rows[1].record == 3)
        #expect(rows[1].line == 4)
        #expect(Array(rows[1].rawField(1)) == Array("\"say \"\"hi\"\"\"".utf8))
        #expect(reader.endsWithLineEnding)
        #expect(reader.warnings.isEmpty)
    }

    @Test func readsByteOrderMarkAndLF() throws {
        let folder = try TemporaryFolder()
        let url = try folder.file("bom.csv", utf8ByteOrderMarkBytes + Array("a,b\n1,2".utf8))
        let (reader, rows) = try readAll(url)
        #expect(reader.dialect.byteOrderMark)
        #expect(reader.dialect.lineEnding == .lf)
        #expect(reader.header.names == ["a", "b"])
        #expect(rows.map(\.values) == [["1", "2"]])
        #expect(!reader.endsWithLineEnding)
    }

    @Test func headerOnlyHasZeroRows() throws {
        let folder = try TemporaryFolder()
        let (reader, rows) = try readAll(try folder.file("h.csv", "\"a\",\"b\"\r\n"))
        #expect(rows.isEmpty)
        #expect(reader.dialect.quoting == .all)
    }

    @Test func trimsHeaderNames() throws {
        let folder = try TemporaryFolder()
        let (reader, _) = try readAll(try folder.file("h.csv", " a ,\tb\n"))
        #expect(reader.header.names == ["a", "b"])
    }

    @Test(arguments: [16, 17, 19, 23, 64, 1 << 20])
    func blockBoundariesDoNotMatter(blockSize: Int) throws {
        let folder = try TemporaryFolder()
        var text = "id,name,note\r\n"
        for index in 0..<50 {
            text += "\(index),\"名前 \(index), 様\",\"line1\r\nline2 \"\"q\"\"\"\r\n"
        }
        let url = try folder.file("blocks.csv", text)
        let (_, rows) = try readAll(url, options: CSVReadOptions(blockSize: blockSize))
        #expect(rows.count == 50)
        #expect(rows[49].values == ["49", "名前 49, 様", "line1\r\nline2 \"q\""])
        #expect(rows[49].line == 2 + 49 * 2)
    }

    @Test func crAtBlockEndBeforeLF() throws {
        let folder = try TemporaryFolder()
        // "a,b\r" is 4 bytes; with 16-byte blocks the CR of row 2 ("1234567890,12\r") ends the block.
        let url = try folder.file(
            "cr.csv",
            "ab,c\r\n1234567890\r\n3,4\r\n".replacingOccurrences(
                of: "1234567890",
                with: "12345678,9"))
        let (reader, rows) = try readAll(url, options: CSVReadOptions(blockSize: 16))
        #expect(rows.map(\.values) == [["12345678", "9"], ["3", "4"]])
        #expect(reader.warnings.isEmpty)
    }

    @Test func warnsAboutMixedLineEndingsOnce() throws {
        let folder = try TemporaryFolder()
        let (reader, rows) = try readAll(try folder.file("mixed.csv", "a,b\r\n1,2\n3,4\n5,6\r\n"))
        #expect(rows.count == 3)
        #expect(
            reader.warnings == [
                ShopDataWarning(
                    .mixedLineEndings,
                    at: CSVLocation(
                        file: "mixed.csv", row: 2,
                        line: 2))
            ])
    }

    @Test func preservesRawBytesOfEveryField() throws {
        let folder = try TemporaryFolder()
        let text = "\"a\",b\r\n\"x\"\"y\",  z \r\n"
        let (reader, rows) = try readAll(try folder.file("raw.csv", text))
        #expect(Array(reader.headerRow.rawField(0)) == Array("\"a\"".utf8))
        #expect(Array(rows[0].rawField(0)) == Array("\"x\"\"y\"".utf8))
        #expect(Array(rows[0].rawField(1)) == Array("  z ".utf8))
        #expect(rows[0].values == ["x\"y", "  z "])
    }
}

let utf8ByteOrderMarkBytes: [UInt8] = [0xEF, 0xBB, 0xBF]

@Suite struct CSVRowStorageTests {
    /// A pack keeps thousands of rows in flight between its threads: each must hold its own bytes, not a buffer
    /// as large as the longest record read so far.
    @Test func rowsAfterALongRecordHoldOnlyTheirOwnBytes() throws {
        let folder = try TemporaryFolder()
        let long = String(repeating: "x", count: 20_000)
        let url = try folder.file("m.csv", "member_id,note\nM1,\(long)\nM2,short\nM3,short too\n")
        let reader = try CSVReader(url: url)
        var rows: [CSVRow] = []
        while let row = try reader.next() { rows.append(row) }
        #expect(rows.map(\.values[0]) == ["M1", "M2", "M3"])
        #expect(rows[0].rawBytes.count == 20_003)
        for row in rows.dropFirst() {
            #expect(row.rawBytes.capacity < 1_000, "row \(row.record) holds \(row.rawBytes.capacity) bytes")
        }
    }
}
