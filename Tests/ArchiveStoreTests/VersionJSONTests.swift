import AirlockFormat
import Foundation
import Testing

@testable import ArchiveStore

/// The version columns' JSON writer must give `JSONEncoder`'s bytes exactly: `check` compares the stored text of
/// an archive indexed by an earlier release with a replay by this one.
@Suite struct VersionJSONTests {
    /// What the archive stored before the hand-written writer: `JSONEncoder`, sorted keys, unescaped slashes.
    static func reference(_ content: VersionContent) -> (String, String, String, String) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        func json(_ value: some Encodable) -> String { String(decoding: try! encoder.encode(value), as: UTF8.self) }
        func object(_ fields: [ShopRecord.Field]) -> [String: String] {
            Dictionary(fields.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        }
        return (
            json(object(content.fields)), json(content.maskedAtSource), json(content.items.map(object)),
            json(content.source)
        )
    }

    /// Strings that exercise every escaping rule: every control character, quotes, backslashes, slashes,
    /// DEL, non-ASCII, line separators, emoji and combining marks.
    static let hostile: [String] = {
        var strings = (0..<0x20).map { "a" + String(UnicodeScalar(UInt8($0))) + "b" }
        strings += [
            "", "\"", "\\", "/", "</script>", "\u{7F}", "\u{85}", "\u{2028}\u{2029}", "台北市大安區忠孝東路",
            "東京都\r\n新宿区", "😀👩‍👩‍👧", "か\u{309A}", "\u{FEFF}bom", "tab\there", "a\\\"b", "=SUM(A1)",
        ]
        return strings
    }()

    static func content(values: [String], fieldNames: [String]) -> VersionContent {
        let fields = zip(fieldNames, values).map { ShopRecord.Field(name: $0, value: $1) }
        let record = ShopRecord(
            kind: .order, source: 0, key: values.first ?? "k", fields: fields.sorted { $0.name < $1.name },
            maskedAtSource: fieldNames.prefix(2).sorted(), items: [fields.sorted { $0.name < $1.name }, []],
            rows: [.init(row: 2, cells: values), .init(row: UInt64.max, cells: values.reversed())])
        let source = Manifest.Source(
            kind: .order, file: "orders/\(values.last ?? "").csv", profile: "airlock", encoding: "utf-8",
            lineEnding: "lf", blake2b: String(repeating: "0", count: 64), bytes: 1, rows: 2, sealedRows: 2,
            columns: values.map { "col " + $0 },
            fields: values.indices.map { $0 % 2 == 0 ? fieldNames[$0 % fieldNames.count] : nil },
            credentialColumns: [])
        return VersionContent(record: record, source: source)
    }

    @Test func matchesJSONEncoderOnHostileStrings() {
        let names = [
            "address", "email", "item_name", "item_sku", "items", "name", "name_kana", "order_no", "phone",
            "postal_code", "purchaser_name", "recipient_address",
        ]
        for start in stride(from: 0, to: Self.hostile.count, by: 3) {
            let values = (0..<names.count).map { Self.hostile[(start + $0) % Self.hostile.count] }
            let content = Self.content(values: values, fieldNames: names)
            let ours = content.columns
            let reference = Self.reference(content)
            #expect(ours.fields == reference.0)
            #expect(ours.maskedAtSource == reference.1)
            #expect(ours.items == reference.2)
            #expect(ours.source == reference.3)
        }
    }

    @Test func matchesJSONEncoderWithoutColumnFields() {
        var content = Self.content(values: ["1", "a/b"], fieldNames: ["order_no", "note"])
        content.source.fields = nil
        #expect(content.columns.source == Self.reference(content).3)
        #expect(!content.columns.source.contains("\"fields\""))
    }

    @Test func keepsTheFirstOfTwoEqualNames() {
        var writer = VersionJSON()
        writer.object([.init(name: "b", value: "1"), .init(name: "a", value: "2"), .init(name: "b", value: "3")])
        #expect(writer.text == #"{"a":"2","b":"1"}"#)
    }

    @Test func readsBackWhatItWrote() throws {
        let names = ["address", "email", "name", "note", "order_no", "phone"]
        for start in 0..<Self.hostile.count {
            let values = (0..<names.count).map { Self.hostile[(start + $0) % Self.hostile.count] }
            let content = Self.content(values: values, fieldNames: names)
            let columns = content.columns
            let read = try VersionContent(
                kind: content.kind, key: content.key, fields: columns.fields, maskedAtSource: columns.maskedAtSource,
                items: columns.items, source: columns.source)
            #expect(read == content)
        }
    }

    @Test func readsEveryEscapeAndWhitespaceThatJSONAllows() throws {
        let source = #"""
             { "rows" : [ { "row" : 7 , "cells" : [ "a\/b" , "\u00e9\ud83d\ude00" , "\"\\\b\f\n\r\t" ] } ] ,
               "file" : "m.csv" , "columns" : [ "x" , "y" , "z" ] , "fields" : [ null , "email" , null ] }
            """#
        let read = try VersionContent(
            kind: .member, key: "M1", fields: #"{ "b" : "2" , "a" : "\u0031" }"#, maskedAtSource: "[ ]", items: "[]",
            source: source)
        #expect(read.fields == [.init(name: "a", value: "1"), .init(name: "b", value: "2")])
        #expect(read.source.rows == [.init(row: 7, cells: ["a/b", "é😀", "\"\\\u{8}\u{C}\n\r\t"])])
        #expect(read.source.fields == [nil, "email", nil])
        #expect(read.source.file == "m.csv")
    }

    @Test(arguments: [
        "{", #"{"a":1}"#, #"{"a":"b"} x"#, #"{"a":"\x"}"#, #"{"a":"\ud800"}"#, "{\"a\":\"\u{1}\"}", #"["a"]"#,
    ])
    func refusesWhatIsNotAnObjectOfStrings(_ text: String) {
        #expect(throws: (any Error).self) {
            try VersionContent(kind: .member, key: "M1", fields: text, maskedAtSource: "[]", items: "[]", source: "{}")
        }
    }

    /// Remembered field orders give the same hash and JSON as sorting each record, whatever the names: repeated
    /// and non-ASCII names (whose `String` and UTF-8 orders differ), lists that alternate (fields, items), and
    /// more distinct lists than are remembered.
    @Test func rememberedFieldPlansChangeNothing() {
        let nameLists: [[String]] = [
            ["phone", "email", "name", "email", "purchaser_phone", "order_no"], ["item_sku", "item_name", "item_qty"],
            ["é", "e\u{301}", "z", "Z", "ａ", "a"], ["b", "a"], ["c", "b", "a"], ["x"], [],
        ]
        let plans = FieldPlans()
        for round in 0..<3 {
            for (index, names) in nameLists.enumerated() {
                let values = names.indices.map { Self.hostile[(round * 7 + index + $0) % Self.hostile.count] }
                let fields = zip(names, values).map { ShopRecord.Field(name: $0, value: $1) }
                let items = nameLists[(index + 1) % nameLists.count].map { ShopRecord.Field(name: $0, value: "v") }
                var content = Self.content(values: values.isEmpty ? ["k"] : values, fieldNames: ["order_no"])
                content.fields = fields
                content.items = [items, fields]
                #expect(content.hash(plans: plans) == content.hash)
                #expect(content.columns(plans: plans) == content.columns)
                func keys(_ routes: [[LookupField]]?) -> [String] {
                    LookupField.keys(
                        kind: .order, recordKey: "k", fields: fields, masked: Array(names.prefix(1)), routes: routes
                    ).map { "\($0.0.rawValue)=\($0.1)" }
                }
                #expect(keys(plans.plan(for: fields).lookupRoutes) == keys(nil))
            }
        }
    }
}

