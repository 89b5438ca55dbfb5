import Foundation
import ShopData
import Testing

@Suite struct EncodingDetectionTests {
    private static let japanese = "会員ID,お名前,住所\r\n1,山田 太郎,東京都新宿区西新宿2-8-1\r\n2,佐藤 花子,大阪府大阪市北区梅田1-1-3\r\n"
    private static let taiwanese = "會員編號,姓名,地址\r\n1,陳美玲,台北市大安區忠孝東路四段100號\r\n2,許功蓋,高雄市新興區中正三路2號\r\n"

    @Test(arguments: [
        (japanese, "CP932", ShopEncoding.cp932), (taiwanese, "CP950", .big5), (japanese, "UTF-8", .utf8),
        (taiwanese, "UTF-8", .utf8),
    ])
    func detectsEncoding(text: String, iconvName: String, expected: ShopEncoding) throws {
        let folder = try TemporaryFolder()
        let url = try folder.file("x.csv", try iconvBytes(text, to: iconvName))
        let (reader, rows) = try readAll(url)
        #expect(reader.dialect.encoding == expected)
        #expect(rows.count == 2)
        #expect(rows[1].values[1] == (text == Self.japanese ? "佐藤 花子" : "許功蓋"))
    }

    @Test func fallbackEncodingReplacesTheGuess() throws {
        let folder = try TemporaryFolder()
        let url = try folder.file("x.csv", try iconvBytes(Self.taiwanese, to: "CP950"))
        var options = CSVReadOptions()
        options.fallbackEncoding = .big5
        #expect(try CSVReader(url: url, options: options).dialect.encoding == .big5)
        // A wrong override is reported, not silently decoded.
        #expect(throws: ShopDataError.self) { _ = try readAll(url, options: CSVReadOptions(encoding: .utf8)) }
    }

    @Test(arguments: ["utf-8", "UTF8", "cp932", "Shift_JIS", "big5", "CP950", "big5-hkscs"])
    func parsesEncodingNames(name: String) throws {
        _ = try ShopEncoding(name: name)
    }

    @Test func rejectsUnknownEncodingNames() {
        #expect(throws: ShopDataError.unsupportedEncoding(name: "latin1")) { try ShopEncoding(name: "latin1") }
    }
}
