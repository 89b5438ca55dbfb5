import SodiumKit
import Testing

@Suite struct RandomTests {
    @Test(arguments: [0, 1, 24, 32, 1000, 65_536])
    func lengths(_ count: Int) {
        #expect(Random.bytes(count).count == count)
        if count > 0 { #expect(SecureBytes.random(count: count).count == count) }
    }

    @Test func drawsDiffer() {
        #expect(Random.bytes(32) != Random.bytes(32))
        #expect(Random.bytes(64) != [UInt8](repeating: 0, count: 64))
        #expect(!SecureBytes.random(count: 32).constantTimeEquals(.random(count: 32)))
    }
}
