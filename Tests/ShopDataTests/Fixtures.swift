import Foundation
import ShopData
import Testing

/// The example exports copied into this test target (`Fixtures/`), and the repository's own `Examples/`.
enum Fixtures {
    /// A file of the fixture folder, e.g. `ec-cube/order.csv`.
    static func url(_ path: String) -> URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures").appendingPathComponent(path)
    }

    /// A file of the repository's `Examples/` folder (found from this source file's path).
    static func example(_ path: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Examples").appendingPathComponent(path)
    }

    /// Every example export, with what the tests expect of it.
    static let exports: [ExampleExport] = [
        ExampleExport(
            path: "airlock/members.csv", profile: "airlock", kind: .members, encoding: .utf8, bom: false,
            lineEnding: .crlf, quoting: .whenNeeded, rows: 8, groups: nil),
        ExampleExport(
            path: "airlock/orders.csv", profile: "airlock", kind: .orders, encoding: .utf8, bom: false,
            lineEnding: .crlf, quoting: .whenNeeded, rows: 16, groups: [2, 1, 2, 3, 1, 2, 1, 1, 2, 1]),
        ExampleExport(
            path: "shopify/customers_export.csv", profile: "shopify", kind: .members, encoding: .utf8,
            bom: true, lineEnding: .lf, quoting: .whenNeeded, rows: 5, groups: nil),
        ExampleExport(
            path: "shopify/orders_export.csv", profile: "shopify", kind: .orders, encoding: .utf8, bom: true,
            lineEnding: .lf, quoting: .whenNeeded, rows: 8, groups: [2, 2, 1, 3]),
        ExampleExport(
            path: "ec-cube/member.csv", profile: "ec-cube", kind: .members, encoding: .cp932, bom: false,
            lineEnding: .crlf, quoting: .all, rows: 5, groups: nil),
        ExampleExport(
            path: "ec-cube/order.csv", profile: "ec-cube", kind: .orders, encoding: .cp932, bom: false,
            lineEnding: .crlf, quoting: .whenNeeded, rows: 8, groups: [1, 3, 1, 1, 2]),
    ]
}

/// One example export and its expected properties.
struct ExampleExport: Sendable, CustomTestStringConvertible {
    let path: String
    let profile: String
    let kind: RecordKind
    let encoding: ShopEncoding
    let bom: Bool
    let lineEnding: LineEnding
    let quoting: QuotingStyle
    let rows: Int
    /// Line items per order, for order files.
    let groups: [Int]?

    var testDescription: String { path }
}
