import Foundation
import ShopData
import Testing

/// A profile text that must fail to load, and the key its error must name.
struct BadProfile: Sendable, CustomTestStringConvertible {
    let json: String
    let key: String
    var testDescription: String { key }
}

private func layout(columns: String = "", layout: String = "") -> String {
    #"{"name": "t", "members": {"detect": ["id"], "columns": {"id": "member_id"\#(columns)}\#(layout)}}"#
}

private let badProfiles: [BadProfile] = [
    BadProfile(json: "[]", key: "(top level)"),
    BadProfile(json: "{", key: "(file)"),
    BadProfile(json: #"{"members": {}}"#, key: "name"),
    BadProfile(json: #"{"name": "t", "membres": {}}"#, key: "membres"),
    BadProfile(json: #"{"name": "t"}"#, key: "members"),
    BadProfile(json: #"{"name": "t", "time_zone": "Mars/Olympus", "members": {}}"#, key: "time_zone"),
    BadProfile(json: #"{"name": "t", "default_encoding": "latin1", "members": {}}"#, key: "default_encoding"),
    BadProfile(
        json: #"{"name": "t", "timestamp_formats": ["yyyy", "dd.MMM"], "members": {}}"#, key: "timestamp_formats[0]"),
    BadProfile(json: #"{"name": "t", "members": {"columns": {"id": "member_id"}}}"#, key: "members.detect"),
    BadProfile(json: layout(columns: #", "Mail": "e-mail""#), key: "members.columns.Mail"),
    BadProfile(json: layout(columns: #", "No": "order_no""#), key: "members.columns.No"),
    BadProfile(json: layout(columns: #", "First": "name", "Last": "name""#), key: "members.columns"),
    BadProfile(
        json: layout(columns: #", "First": "name""#, layout: #", "join": {"name": {"columns": ["Last"]}}"#),
        key: "members.join.name.columns"),
    BadProfile(json: layout(layout: #", "credential_columns": ["id"]"#), key: "members.credential_columns"),
    BadProfile(
        json: layout(layout: #", "accepts": {"phone": {"charset": "kanji"}}"#), key: "members.accepts.phone.charset"),
    BadProfile(
        json: layout(layout: #", "accepts": {"phone": {"max_length": 0}}"#), key: "members.accepts.phone.max_length"),
    BadProfile(json: layout(layout: #", "final_statuses": {"completed": ["x"]}"#), key: "members.final_statuses"),
    BadProfile(json: #"{"name": "t", "members": {"detect": ["x"], "columns": {"x": "email"}}}"#, key: "members.key"),
]

@Suite struct ProfileTests {
    @Test(arguments: ["airlock", "shopify", "ec-cube"])
    func profileFilesEqualTheBuiltIns(name: String) throws {
        let builtIn = try ProfileRegistry.builtIn.profile(named: name)
        #expect(try Profile.load(from: Fixtures.url("profiles/\(name).json")) == builtIn)
        #expect(try Profile.load(from: Fixtures.example("profiles/\(name).json")) == builtIn)
        #expect(try ProfileRegistry.builtIn.resolve(Fixtures.url("profiles/\(name).json").path) == builtIn)
    }

    @Test(arguments: badProfiles)
    func invalidProfilesNameTheKey(_ bad: BadProfile) throws {
        do {
            _ = try Profile.decode(Data(bad.json.utf8), source: "bad.json")
            Issue.record("loaded an invalid profile")
        } catch let ShopDataError.invalidProfile(profile, key, _) {
            #expect(profile == "bad.json")
            #expect(key == bad.key)
        }
    }

    @Test func builtInLayoutsJoinNamesAndSetCredentials() throws {
        let ecCube = try ProfileRegistry.builtIn.profile(named: "ec-cube")
        #expect(ecCube.defaultEncoding == .cp932)
        #expect(ecCube.timeZone.identifier == "Asia/Tokyo")
        #expect(ecCube.members?.joins[.name] == ProfileLayout.Join(columns: ["お名前(姓)", "お名前(名)"], separator: " "))
        #expect(ecCube.members?.credentialColumns.contains("password") == true)
        #expect(ecCube.orders?.duplicateColumns == ["送料"])
        #expect(ecCube.orders?.columns["発送日"] == [.shippedAt, .completedAt])
        let shopify = try ProfileRegistry.builtIn.profile(named: "shopify")
        #expect(shopify.orders?.orderLevelFieldsOnFirstRowOnly == true)
        #expect(shopify.members?.joins[.name]?.columns == ["Last Name", "First Name"])
        let airlock = try ProfileRegistry.builtIn.profile(named: "airlock")
        #expect(Set(airlock.members!.columns.keys) == Set(RecordKind.members.fields.map(\.rawValue)))
        #expect(Set(airlock.orders!.columns.keys) == Set(RecordKind.orders.fields.map(\.rawValue)))
    }

    @Test func detectionFailsWhenNothingOrSeveralMatch() throws {
        let registry = ProfileRegistry.builtIn
        #expect(throws: ShopDataError.noProfileMatches(file: "x.csv")) {
            _ = try registry.detect(header: CSVHeader(names: ["a", "b"]), file: "x.csv")
        }
        let both = CSVHeader(names: ["member_id", "email", "registered_at", "order_no", "ordered_at", "item_name"])
        #expect(
            throws: ShopDataError.ambiguousProfile(file: "x.csv", candidates: ["airlock members", "airlock orders"])
        ) {
            _ = try registry.detect(header: both, file: "x.csv")
        }
        #expect(try registry.detect(header: both, file: "x.csv", kind: .orders).kind == .orders)
        #expect(throws: ShopDataError.unknownProfile(name: "woo")) { _ = try registry.profile(named: "woo") }
    }

    @Test func mappingErrorsNameRowAndColumn() throws {
        let folder = try TemporaryFolder()
        let airlock = try ProfileRegistry.builtIn.profile(named: "airlock")
        let missingKey = try folder.file("m.csv", "email,registered_at\na@example.com,2026-11-01\n")
        #expect(throws: ShopDataError.missingKeyColumn(file: "m.csv", column: "member_id")) {
            _ = try ShopFileReader(url: missingKey, profile: airlock, kind: .members)
        }
        let emptyKey = try folder.file("e.csv", "member_id,email,registered_at\nM1,a@x,\n,b@x,\n")
        let reader = try ShopFileReader(url: emptyKey)
        _ = try reader.next()
        #expect(
            throws: ShopDataError.emptyKey(
                CSVLocation(
                    file: "e.csv", row: 3, line: 3, column: 1,
                    header: "member_id"))
        ) { _ = try reader.next() }
        let duplicate = try folder.file("d.csv", "member_id,email,registered_at,email\nM1,a,b,c\n")
        #expect(
            throws: ShopDataError.duplicateHeaderName(
                CSVLocation(
                    file: "d.csv", row: 1, line: 1, column: 4,
                    header: "email"), firstColumn: 2)
        ) { _ = try ShopFileReader(url: duplicate) }
    }

    @Test func splitOrdersAreAnError() throws {
        let folder = try TemporaryFolder()
        let url = try folder.file("o.csv", "order_no,ordered_at,item_name,total\nA,x,i1,1\nB,x,i2,1\nA,x,i3,1\n")
        var grouper = try ShopFileReader(url: url).orders()
        #expect(try grouper.next()?.key == "A")
        #expect(try grouper.next()?.key == "B")
        #expect(throws: ShopDataError.orderRowsSplit(CSVLocation(file: "o.csv", row: 4, line: 4), earlierRow: 2)) {
            _ = try grouper.next()
        }
    }

    @Test(arguments: [
        (AcceptRule(charset: .digits), "0912345678", true), (AcceptRule(charset: .digits), "0912-345-678", false),
        (AcceptRule(charset: .katakana), "ヤマダ タロウ", true), (AcceptRule(charset: .katakana), "ﾔﾏﾀﾞ", false),
        (AcceptRule(charset: .katakana), "やまだ", false), (AcceptRule(charset: .katakana), "ヴァーチャル・ヶ", true),
        (AcceptRule(charset: .ascii), "a@example.com", true), (AcceptRule(charset: .ascii), "陳@example.com", false),
        (AcceptRule(maxLength: 3), "髙橋健", true), (AcceptRule(maxLength: 3), "髙橋 健", false),
    ])
    func acceptRules(rule: AcceptRule, value: String, accepted: Bool) {
        #expect(rule.accepts(value) == accepted)
    }
}

@Suite struct ExampleProfileFileTests {
    /// The full example of `Spec/profiles.md` loads, and reads a Big5 export of its layout.
    @Test func specExampleLoadsAndReadsBig5() throws {
        let profile = try Profile.load(from: Fixtures.url("profiles/example-tw.json"))
        #expect(profile.defaultEncoding == .big5)
        #expect(profile.orders?.finalStatuses.completed == ["已完成"])
        let folder = try TemporaryFolder()
        let text = "會員編號,會員姓名,手機,縣市,鄉鎮市區,地址,密碼雜湊\r\nTW001,許功蓋,0912345678,臺北市,大安區,忠孝東路四段1號,x\r\n"
        let url = try folder.file("members.csv", try iconvBytes(text, to: "CP950"))
        let reader = try ShopFileReader(url: url, registry: ProfileRegistry(profiles: [profile]))
        #expect(reader.profile.name == "example-tw")
        #expect(reader.csv.dialect.encoding == .big5)
        let row = try #require(try reader.next())
        #expect(row[.name] == "許功蓋")
        #expect(row[.address] == "臺北市大安區忠孝東路四段1號")
        #expect(row.unmapped.isEmpty)
        #expect(reader.mapper.credentialColumns == [6])
        #expect(profile.parseTimestamp("2026/11/5 9:07") == profile.parseTimestamp("2026-11-05 09:07:00"))
    }
}
