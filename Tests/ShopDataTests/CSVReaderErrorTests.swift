import Foundation
import ShopData
import Testing

/// One malformed file and the error it must produce.
struct ErrorCase: Sendable, CustomTestStringConvertible {
    let name: String
    let bytes: [UInt8]
    let error: ShopDataError
    var options = CSVReadOptions()

    var testDescription: String { name }

}

extension CSVLocation {
    /// A location in `bad.csv`.
    static func at(_ row: Int?, line: Int? = nil, column: Int? = nil, header: String? = nil) -> CSVLocation {
        CSVLocation(file: "bad.csv", row: row, line: line ?? row, column: column, header: header)
    }
}

private let cases: [ErrorCase] = [
    ErrorCase(name: "empty file", bytes: [], error: .emptyFile(file: "bad.csv")),
    ErrorCase(name: "only a BOM", bytes: [0xEF, 0xBB, 0xBF], error: .emptyFile(file: "bad.csv")),
    ErrorCase(
        name: "empty header name", bytes: Array("a,,c\n".utf8),
        error: .emptyHeaderName(.at(1, column: 2))),
    ErrorCase(
        name: "blank header name", bytes: Array("a, \n".utf8),
        error: .emptyHeaderName(.at(1, column: 2))),
    ErrorCase(
        name: "duplicate header", bytes: Array("a,b,a\n".utf8),
        error: .duplicateHeaderName(.at(1, column: 3, header: "a"), firstColumn: 1)),
    ErrorCase(
        name: "too few cells", bytes: Array("a,b,c\n1,2,3\n4,5\n".utf8),
        error: .raggedRow(.at(3), expected: 3, actual: 2)),
    ErrorCase(
        name: "too many cells", bytes: Array("a,b\n1,2,3\n".utf8),
        error: .raggedRow(.at(2), expected: 2, actual: 3)),
    ErrorCase(name: "blank line", bytes: Array("a,b\n1,2\n\n3,4\n".utf8), error: .blankLine(.at(3))),
    ErrorCase(
        name: "unterminated quote", bytes: Array("a,b\n1,\"2\n3,4\n".utf8),
        error: .unterminatedQuote(.at(2, column: 2, header: "b"))),
    ErrorCase(
        name: "stray quote", bytes: Array("a,b\n1,2\n3,4\"5\n".utf8),
        error: .strayQuote(.at(3, column: 2, header: "b"))),
    ErrorCase(
        name: "text after closing quote", bytes: Array("a,b\n\"1\"x,2\n".utf8),
        error: .textAfterClosingQuote(.at(2, column: 1, header: "a"))),
    ErrorCase(
        name: "NUL byte", bytes: Array("a,b\n1,2".utf8) + [0] + Array("\n".utf8),
        error: .nulByte(.at(2, column: 2, header: "b"))),
    ErrorCase(
        name: "NUL in quotes", bytes: Array("a,b\n1,\"2".utf8) + [0] + Array("\"\n".utf8),
        error: .nulByte(.at(2, column: 2, header: "b"))),
    ErrorCase(
        name: "invalid UTF-8", bytes: Array("a,b\n1,".utf8) + [0xE3, 0x81] + Array("\n".utf8),
        error: .invalidBytes(.at(2, column: 2, header: "b"), encoding: .utf8),
        options: CSVReadOptions(encoding: .utf8)),
    ErrorCase(
        name: "BOM in the middle", bytes: Array("a,b\n1,x".utf8) + [0xEF, 0xBB, 0xBF] + Array("\n".utf8),
        error: .byteOrderMarkInMiddle(.at(2, column: 2, header: "b"))),
    ErrorCase(
        name: "invalid CP932", bytes: Array("a,b\n1,".utf8) + [0x82, 0x20] + Array("\n".utf8),
        error: .invalidBytes(.at(2, column: 2, header: "b"), encoding: .cp932),
        options: CSVReadOptions(encoding: .cp932)),
    ErrorCase(
        name: "field over the limit", bytes: Array("a,b\n1,123456789\n".utf8),
        error: .fieldTooLong(.at(2, column: 2, header: "b"), limit: 8), options: CSVReadOptions(maxFieldBytes: 8)),
    ErrorCase(
        name: "quoted field over the limit across blocks",
        bytes: Array("a,b\n1,\"\(String(repeating: "x", count: 100))\"\n".utf8),
        error: .fieldTooLong(.at(2, column: 2, header: "b"), limit: 40),
        options: CSVReadOptions(maxFieldBytes: 40, blockSize: 16)),
    ErrorCase(
        name: "row over the limit", bytes: Array("a,b\n1234,5678\n".utf8),
        error: .rowTooLong(.at(2), limit: 8), options: CSVReadOptions(maxRowBytes: 8)),
    ErrorCase(
        name: "multi-line row error names its first line",
        bytes: Array("a,b\n\"1\n2\",3\n4,\"5\n6\"x\n".utf8),
        error: .textAfterClosingQuote(.at(3, line: 4, column: 2, header: "b"))),
    ErrorCase(
        name: "undetectable encoding", bytes: Array("a,b\n1,".utf8) + [0x80, 0x80, 0xFF] + Array("\n".utf8),
        error: .unknownEncoding(file: "bad.csv")),
]

@Suite struct CSVReaderErrorTests {
    @Test(arguments: cases)
    func malformedFileGivesItsError(_ example: ErrorCase) throws {
        let folder = try TemporaryFolder()
        let url = try folder.file("bad.csv", example.bytes)
        #expect(throws: example.error) { _ = try readAll(url, options: example.options) }
    }

    @Test func errorDescriptionsNameThePlaceButNoValue() {
        let error = ShopDataError.strayQuote(CSVLocation(file: "m.csv", row: 3, line: 4, column: 2, header: "Email"))
        #expect(error.description.hasPrefix("m.csv, row 3 (line 4), column 2 \"Email\": "))
        #expect(!error.description.contains("\n"))
    }

    @Test func allowsDeclaredDuplicateHeaders() throws {
        let folder = try TemporaryFolder()
        let url = try folder.file("dup.csv", "送料,a,送料\n1,2,3\n")
        let (reader, rows) = try readAll(url, options: CSVReadOptions(allowedDuplicateHeaders: .names(["送料"])))
        #expect(reader.header.keys == ["送料", "a", "送料#2"])
        #expect(reader.header.index(of: "送料#2") == 2)
        #expect(rows[0].values == ["1", "2", "3"])
    }

    /// Random bytes (from a fixed seed) never crash the reader: each file either reads or throws.
    @Test func randomBytesNeverCrash() throws {
        let folder = try TemporaryFolder()
        var generator = SplitMix64(seed: 42)
        let alphabet: [UInt8] = Array("a,\"\r\n ".utf8) + [0x00, 0xEF, 0xBB, 0xBF, 0x82, 0xA0, 0xE3, 0x81, 0x82]
        var outcomes = (read: 0, failed: 0)
        for index in 0..<300 {
            let count = Int(generator.next() % 64)
            let bytes = (0..<count).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            let url = try folder.file("fuzz\(index).csv", bytes)
            let blockSize = 16 + Int(generator.next() % 8)
            do {
                _ = try readAll(url, options: CSVReadOptions(maxFieldBytes: 32, maxRowBytes: 48, blockSize: blockSize))
                outcomes.read += 1
            } catch is ShopDataError {
                outcomes.failed += 1
            }
        }
        #expect(outcomes.read + outcomes.failed == 300)
        #expect(outcomes.read > 0 && outcomes.failed > 0)
    }
}

/// A small deterministic random number generator (SplitMix64) for reproducible fuzz inputs.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
