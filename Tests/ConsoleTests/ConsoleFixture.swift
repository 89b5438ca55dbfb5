import AirlockFormat
import ArchiveStore
import Console
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import SodiumKit
import Synchronization
import TestSupport
import Testing

/// A clock the tests move by hand.
final class TestClock: Sendable {
    private let time: Mutex<Date>

    init(_ start: Date) { time = Mutex(start) }

    var now: Date { time.withLock { $0 } }

    func advance(minutes: Double) { time.withLock { $0 = $0.addingTimeInterval(minutes * 60) } }

    var closure: @Sendable () -> Date { { self.now } }
}

/// A real store built from fixture bundles, a console user, and a console over them.
final class ConsoleFixture {
    /// 2026-11-25 10:00:00 UTC: the archive imports at this time, and the console's day starts from it.
    static let importTime = Date(timeIntervalSince1970: 1_795_600_800)
    static let user = "hanako"
    static let password = "correct horse battery"

    let directory = TemporaryDirectory("airlock-console-test")
    let offline = Fixtures.offline()
    let packer = Fixtures.packer()
    let archive: Archive
    let users: ConsoleUsers
    let clock = TestClock(ConsoleFixture.importTime.addingTimeInterval(3600))
    /// The archive's clock: the first bundle is imported three days before ``importTime``, the second at it.
    let archiveClock: TestClock
    private var previousHash = [UInt8](repeating: 0, count: 32)
    private var sequence: UInt64 = 0

    static let memberColumns = [
        "member_id", "account", "email", "name", "phone", "gender", "level", "registered_at", "address",
    ]
    static let orderColumns = [
        "order_no", "ordered_at", "status", "completed_at", "member_id", "purchaser_name", "purchaser_email",
        "purchaser_phone", "recipient_name", "recipient_address", "payment_method", "delivery_method", "total",
        "invoice_no", "item_sku", "item_name", "item_qty", "item_price",
    ]

    /// The store with two bundles: members M001–M004 and orders O-1001–O-1003 (imported on 2026-11-22), then a
    /// change to M001's e-mail (imported on 2026-11-25, "today").
    init() throws {
        let archiveClock = TestClock(ConsoleFixture.importTime.addingTimeInterval(-3 * 86_400))
        self.archiveClock = archiveClock
        archive = try Archive.create(
            at: directory.file("store"), offlineKeyPath: directory.file("offline.key"),
            identity: offline.publicIdentity, trusting: [packer.publicKey], clock: archiveClock.closure)
        users = ConsoleUsers(store: archive.layout)
        try users.add(
            Self.user, password: SecureBytes(copying: Array(Self.password.utf8)), opsLimit: Argon2id.minimumOpsLimit,
            memLimit: Argon2id.minimumMemLimit, now: Self.importTime)
        let members = [
            Self.member(
                "M001", "ryoko", "Ryoko.Komura@example.jp", "小村 亮子", "090-1234-5678", "F", "Gold", "2026-01-15"),
            Self.member("M002", "mei", "mei@example.tw", "陳美玲", "0912-345-678", "F", "Silver", "2026/03/02 10:00"),
            Self.member("M003", "taro", "taro@example.jp", "山田 太郎", "03-1234-5678", "M", "Gold", "2026-07-20"),
            Self.member(
                "M004", "evil", "evil@example.com", "<script>alert(1)</script>", "=cmd|' /C calc'!A0", "M",
                "Bronze", "2026-11-01"),
        ]
        let orders = [
            Self.order(
                "O-1001", member: "M001", ordered: "2026-10-01 09:00", status: "completed",
                completed: "2026-10-05", purchaser: "小村 亮子", email: "ryoko.komura@example.jp", total: "3,300",
                items: [("SKU-1", "緑茶", "2", "1,200"), ("SKU-2", "湯呑み", "1", "900")]),
            Self.order(
                "O-1002", member: "M002", ordered: "2026-10-20 15:30", status: "completed",
                completed: "2026-10-28", purchaser: "陳美玲", email: "mei@example.tw", total: "1,500",
                items: [("SKU-3", "烏龍茶", "1", "1,500")]),
            Self.order(
                "O-1003", member: "", ordered: "2026-11-02 11:00", status: "cancelled",
                completed: "2026-11-03", purchaser: "Guest Buyer", email: "guest@example.com", total: "800",
                items: [("SKU-4", "Sencha", "1", "800")]),
        ]
        try importBundle(members: members, orders: orders)
        var moved = members[0]
        moved.fields = moved.fields.map {
            $0.name == "email" ? .init(name: "email", value: "ryoko@new.example.jp") : $0
        }
        moved.rows = [
            .init(
                row: 2, cells: moved.rows[0].cells.map { $0 == "Ryoko.Komura@example.jp" ? "ryoko@new.example.jp" : $0 }
            )
        ]
        archiveClock.advance(minutes: 3 * 24 * 60)
        try importBundle(members: [moved], orders: [])
    }

    /// A console over the store, with the fixture's clock, a fast dummy hash and UTC days.
    func server(pageSize: Int = 50) throws -> ConsoleServer {
        var settings = ConsoleSettings()
        settings.clock = clock.closure
        settings.timeZone = TimeZone(identifier: "UTC")!
        settings.pageSize = pageSize
        settings.dummyHashLimits = (Argon2id.minimumOpsLimit, Argon2id.minimumMemLimit)
        settings.logLevel = .critical
        return try ConsoleServer(archive: archive, users: users, settings: settings)
    }

    /// Seals and imports the next bundle of the chain.
    func importBundle(members: [ShopRecord], orders: [ShopRecord]) throws {
        sequence += 1
        let path = directory.file("bundle-\(sequence).airlock")
        let manifest = Manifest(
            createdAt: "2026-11-25T00:00:00Z", packer: "airlock-test", timeZone: "Asia/Tokyo",
            membersRegisteredBefore: nil, ordersCompletedBefore: nil,
            counts: .init(members: UInt64(members.count), orders: UInt64(orders.count)),
            sources: [
                .init(
                    kind: .member, file: "members.csv", profile: "airlock", encoding: "utf-8", lineEnding: "lf",
                    blake2b: String(repeating: "0", count: 64), bytes: 0, rows: UInt64(members.count),
                    sealedRows: UInt64(members.count), columns: Self.memberColumns, fields: Self.memberColumns,
                    credentialColumns: []),
                .init(
                    kind: .order, file: "orders.csv", profile: "airlock", encoding: "utf-8", lineEnding: "lf",
                    blake2b: String(repeating: "0", count: 64), bytes: 0,
                    rows: UInt64(orders.map(\.rows.count).reduce(0, +)),
                    sealedRows: UInt64(orders.map(\.rows.count).reduce(0, +)), columns: Self.orderColumns,
                    fields: Self.orderColumns, credentialColumns: []),
            ])
        let written = try BundleWriter.write(
            path: path,
            parameters: BundleParameters(
                chainID: Fixtures.chainID, sequence: sequence, previousHash: previousHash,
                createdAt: Int64(Self.importTime.timeIntervalSince1970) - 3600 + Int64(sequence),
                recipients: [offline.publicIdentity.recipient]),
            signer: packer.signer, manifest: manifest, records: members + orders)
        previousHash = written.bundleHash
        let outcome = try archive.importBundles(at: [path], identity: offline)
        _ = try outcome[0].result.get()
    }

    static func member(
        _ id: String, _ account: String, _ email: String, _ name: String, _ phone: String, _ gender: String,
        _ level: String, _ registered: String
    ) -> ShopRecord {
        let cells = [id, account, email, name, phone, gender, level, registered, "東京都新宿区西新宿2-8-1"]
        let fields = zip(memberColumns, cells).map { ShopRecord.Field(name: $0, value: $1) }
        return ShopRecord(kind: .member, source: 0, key: id, fields: fields, rows: [.init(row: 2, cells: cells)])
    }

    static func order(
        _ number: String, member: String, ordered: String, status: String, completed: String, purchaser: String,
        email: String, total: String, items: [(String, String, String, String)]
    ) -> ShopRecord {
        let head = [
            number, ordered, status, completed, member, purchaser, email, "090-1111-2222", "佐藤 花子",
            "大阪府大阪市北区梅田1-1", "クレジットカード", "宅配便", total, "AB12345678",
        ]
        let fields = zip(orderColumns.prefix(head.count), head).compactMap { name, value in
            value.isEmpty ? nil : ShopRecord.Field(name: name, value: value)
        }
        let rows = items.enumerated().map { index, item in
            ShopRecord.SourceRow(row: UInt64(index + 2), cells: head + [item.0, item.1, item.2, item.3])
        }
        let itemFields = items.map { item in
            [
                ShopRecord.Field(name: "item_sku", value: item.0), .init(name: "item_name", value: item.1),
                .init(name: "item_qty", value: item.2), .init(name: "item_price", value: item.3),
            ]
        }
        return ShopRecord(kind: .order, source: 1, key: number, fields: fields, items: itemFields, rows: rows)
    }
}

/// A browser in a test: keeps the cookies the console sets and sends them back.
final class Browser: Sendable {
    private let cookies = Mutex<[String: String]>([:])

    /// The cookie header to send.
    var cookieHeader: String? {
        cookies.withLock { jar in
            jar.isEmpty ? nil : jar.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        }
    }

    func cookie(_ name: String) -> String? { cookies.withLock { $0[name] } }

    func setCookie(_ name: String, _ value: String?) { cookies.withLock { $0[name] = value } }

    /// Sends a request with the jar's cookies and stores the cookies of the response.
    @discardableResult
    func request(
        _ client: some TestClientProtocol, _ uri: String, method: HTTPRequest.Method = .get,
        form: [(String, String)]? = nil,
        headers extra: HTTPFields = [:]
    ) async throws -> TestResponse {
        var headers = extra
        if let cookieHeader { headers[.cookie] = cookieHeader }
        var body: ByteBuffer?
        if let form {
            headers[.contentType] = "application/x-www-form-urlencoded"
            body = ByteBuffer(string: form.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&"))
        }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
        for line in response.headers[values: .setCookie] {
            let pair = line.split(separator: ";")[0]
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let value = parts.count > 1 ? String(parts[1]) : ""
            let expired = line.contains("Max-Age=0")
            setCookie(String(parts[0]), expired || value.isEmpty ? nil : value)
        }
        return response
    }

    /// Opens the login page and signs in; returns the login POST's response.
    @discardableResult
    func logIn(
        _ client: some TestClientProtocol, user: String = ConsoleFixture.user,
        password: String = ConsoleFixture.password,
        next: String? = nil
    ) async throws -> TestResponse {
        let page = try await request(client, "/login")
        let csrf = try #require(Self.hiddenValue("csrf", in: page.text))
        var form = [("csrf", csrf), ("user", user), ("password", password)]
        if let next { form.append(("next", next)) }
        return try await request(client, "/login", method: .post, form: form)
    }

    /// The value of a hidden input in a page.
    static func hiddenValue(_ name: String, in html: String) -> String? {
        guard let range = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: "\u{0}"..."\u{7F}"))
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}

extension TestResponse {
    /// The body as UTF-8 text.
    var text: String { String(buffer: body) }

    /// The `Location` header.
    var location: String? { headers[.location] }
}
