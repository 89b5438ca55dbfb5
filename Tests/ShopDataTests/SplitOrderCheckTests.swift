import Foundation
@testable import ShopData
import Testing

/// The bounded split-order check the pack's counting pass uses, and its exact confirmation.
@Suite struct SplitOrderCheckTests {
    /// Orders A, B, then A again (split) and C.
    static let splitFile = "order_no,ordered_at,item_name,total\nA,x,i1,1\nA,x,i2,1\nB,x,i3,1\nA,x,i4,1\nC,x,i5,1\n"
    static let splitError = ShopDataError.orderRowsSplit(CSVLocation(file: "o.csv", row: 5, line: 5), earlierRow: 3)

    func keys(_ url: URL, _ check: SplitOrderCheck) throws -> (keys: [String], suspects: Set<String>) {
        var grouper = try ShopFileReader(url: url).orders(check: check)
        var keys: [String] = []
        while let order = try grouper.next() { keys.append(order.key) }
        return (keys, grouper.suspects)
    }

    @Test func boundedCheckReadsOnAndNamesTheSplitOrderAsASuspect() throws {
        let folder = try TemporaryFolder()
        let url = try folder.file("o.csv", Self.splitFile)
        let (keys, suspects) = try keys(url, .bounded)
        #expect(keys == ["A", "B", "A", "C"])
        #expect(suspects.contains("A"))
        #expect(!suspects.contains("B") || !suspects.contains("C"), "4 MiB cannot be full after three keys")
    }

    @Test func watchingTheSuspectsFindsTheSplitWhereTheExactCheckDoes() throws {
        let folder = try TemporaryFolder()
        let url = try folder.file("o.csv", Self.splitFile)
        #expect(throws: Self.splitError) { _ = try keys(url, .exact) }
        #expect(throws: Self.splitError) { _ = try keys(url, .watching(["A"])) }
        // A false alarm (B is not split) passes, and an unwatched split goes unnoticed, as documented.
        #expect(try keys(url, .watching(["B"])).keys == ["A", "B", "A", "C"])
        #expect(try keys(url, .none).keys == ["A", "B", "A", "C"])
    }

    @Test func consecutiveOrdersLeaveNoSuspectsAndTheFilterNeverForgets() throws {
        var filter = OrderNumberFilter()
        let added = (0..<200_000).map { "O-\($0)" }
        for key in added { filter.insert(key) }
        #expect(added.allSatisfy { filter.mayContain($0) })
        let falseAlarms = (200_000..<400_000).filter { filter.mayContain("O-\($0)") }.count
        // The expected rate at 200,000 keys is about 1e-6: a handful at most, not thousands.
        #expect(falseAlarms < 20)

        let folder = try TemporaryFolder()
        let rows = (1...3_000).map { "O-\($0 / 3),x,i,1\n" }.joined()
        let url = try folder.file("o.csv", "order_no,ordered_at,item_name,total\n" + rows)
        let (keys, suspects) = try keys(url, .bounded)
        #expect(keys.count == 1_001)
        #expect(suspects.isEmpty)
    }
}
