import Foundation
import ShopData
import Testing

/// Values that exercise quoting and each encoding's repertoire.
private let sampleRows: [[String]] = [
    ["id", "name", "note"],
    ["1", "Lin, Mei", "say \"hi\""],
    ["2", "", "line1\r\nline2"],
    ["3", " padded ", "\\|"],
]

/// Text each encoding can hold; the CP932 and Big5 texts include characters whose second byte is 0x5C (`\`).
private let encodingCases: [(String, String, Bool)] = [
    ("utf-8", "陳美玲 ソ表 한국 😀", false),
    ("utf-8-bom", "陳美玲 ソ表 한국 😀", true),
    ("cp932", "髙橋 山﨑 ㈱ ① ソファ 表参道 能登 ～", false),
    ("big5", "許功蓋 台灣 碁銹 € 臺北市大安區", false),
]

@Suite struct CSVWriterTests {
    @Test(arguments: encodingCases)
    func roundTripsEveryEncoding(name: String, text: String, bom: Bool) throws {
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("out.csv")
        var dialect = CSVDialect(lineEnding: .crlf)
        try dialect.setEncoding(named: name)
        let writer = try CSVWriter(url: url, dialect: dialect)
        let rows = sampleRows + [["4", text, "\(text), \"\(text)\""]]
        for row in rows { try writer.write(values: row) }
        try writer.finish()
        let encoding = try ShopEncoding(name: name == "utf-8-bom" ? "utf-8" : name)
        // Read back with detection (no hint), then with the explicit encoding: same values either way.
        for options in [CSVReadOptions(), CSVReadOptions(encoding: encoding)] {
            let (reader, read) = try readAll(url, options: options)
            #expect(reader.dialect.encoding == encoding)
            #expect(reader.dialect.byteOrderMark == bom)
            #expect([reader.header.names] + read.map(\.values) == rows)
        }
        #expect(try folder.contents() == ["out.csv"])
    }

    @Test func quotesAllFieldsWhenAsked() throws {
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("all.csv")
        let writer = try CSVWriter(url: url, dialect: CSVDialect(lineEnding: .lf, quoting: .all))
        try writer.write(values: ["a", "b"])
        try writer.write(values: ["1", ""])
        try writer.finish(endWithLineEnding: false)
        #expect(try String(contentsOf: url, encoding: .utf8) == "\"a\",\"b\"\n\"1\",\"\"")
    }

    @Test func mixesRawAndNewCells() throws {
        let folder = try TemporaryFolder()
        let source = try folder.file("in.csv", "a,b\r\n\"x\"\"1\",  y \r\n")
        let (reader, rows) = try readAll(source)
        let url = folder.url.appendingPathComponent("out.csv")
        let writer = try CSVWriter(url: url, dialect: reader.dialect)
        try writer.write(row: reader.headerRow)
        try writer.write([.raw(rows[0].rawField(0)), .value("masked, ok")])
        try writer.finish()
        #expect(try String(contentsOf: url, encoding: .utf8) == "a,b\r\n\"x\"\"1\",\"masked, ok\"\r\n")
    }

    @Test(arguments: [
        ("=SUM(A1)", "'=SUM(A1)"), ("+886", "'+886"), ("-500", "'-500"), ("@cmd", "'@cmd"), ("\tx", "'\tx"),
        ("\rx", "\"'\rx\""),
        ("plain", "plain"), ("a=b", "a=b"),
    ])
    func spreadsheetSafeDefusesFormulas(value: String, written: String) throws {
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("safe.csv")
        let writer = try CSVWriter(url: url, dialect: CSVDialect(lineEnding: .lf), spreadsheetSafe: true)
        try writer.write(values: [value])
        try writer.finish(endWithLineEnding: false)
        #expect(try String(contentsOf: url, encoding: .utf8) == written)
    }

    @Test func spreadsheetSafeDefusesRawCellsToo() throws {
        let folder = try TemporaryFolder()
        let (_, rows) = try readAll(try folder.file("in.csv", "a,b\n=1+1,\"@x\"\n"))
        let url = folder.url.appendingPathComponent("safe.csv")
        let writer = try CSVWriter(url: url, dialect: CSVDialect(lineEnding: .lf), spreadsheetSafe: true)
        try writer.write(row: rows[0])
        try writer.finish(endWithLineEnding: false)
        #expect(try String(contentsOf: url, encoding: .utf8) == "'=1+1,\"'@x\"")
    }

    @Test(arguments: [("cp932", "김민준"), ("cp932", "波〜線"), ("big5", "ソファ"), ("big5", "😀")])
    func unrepresentableCharactersFailWithRowAndColumnAndLeaveNothing(encoding: String, value: String) throws {
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("out.csv")
        try Data("previous".utf8).write(to: url)
        var dialect = CSVDialect()
        try dialect.setEncoding(named: encoding)
        let writer = try CSVWriter(url: url, dialect: dialect, columnNames: ["id", "name"])
        try writer.write(values: ["id", "name"])
        try writer.write(values: ["1", "ok"])
        let expected = ShopDataError.unrepresentable(
            CSVLocation(file: "out.csv", row: 3, column: 2, header: "name"), encoding: dialect.encoding)
        #expect(throws: expected) { try writer.write(values: ["2", value]) }
        #expect(try folder.contents() == ["out.csv"])
        #expect(try String(contentsOf: url, encoding: .utf8) == "previous")
    }

    @Test func droppedWriterLeavesNothingBehind() throws {
        let folder = try TemporaryFolder()
        do {
            let writer = try CSVWriter(url: folder.url.appendingPathComponent("never.csv"), dialect: CSVDialect())
            try writer.write(values: ["a"])
            #expect(try folder.contents().count == 1)  // the temporary file
        }
        #expect(try folder.contents().isEmpty)
    }

    @Test func cancelLeavesTargetUntouched() throws {
        let folder = try TemporaryFolder()
        let url = try folder.file("keep.csv", "old")
        let writer = try CSVWriter(url: url, dialect: CSVDialect())
        try writer.write(values: ["new"])
        writer.cancel()
        #expect(try folder.contents() == ["keep.csv"])
        #expect(try String(contentsOf: url, encoding: .utf8) == "old")
    }

    @Test func failsCleanlyInAMissingFolder() throws {
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("missing/out.csv")
        #expect(throws: ShopDataError.io(file: "out.csv", operation: "create temporary file", errno: ENOENT)) {
            _ = try CSVWriter(url: url, dialect: CSVDialect())
        }
    }
}
