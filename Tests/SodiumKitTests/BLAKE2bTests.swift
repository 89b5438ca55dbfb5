import Testing
import SodiumKit
@Test func blake2bEmpty() {
    #expect(BLAKE2b.hash([], outputLength: 32).count == 32)
}
