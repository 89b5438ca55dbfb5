import Pipeline
import Testing

/// The producer thread both pipelines are built on: batches of the asked size, the error after what came before
/// it, and a stop that ends a producer with more to give.
@Suite struct BatchedProducerTests {
    @Test func batchesEverythingInOrder() throws {
        let producer = BatchedProducer<Int>(name: "test", batchSize: 100, batches: 2) { emit in
            for number in 0..<1_050 { try emit(number) }
        }
        var sizes: [Int] = []
        var all: [Int] = []
        while let batch = try producer.next() {
            sizes.append(batch.count)
            all += batch
        }
        producer.stop()
        #expect(all == Array(0..<1_050))
        #expect(sizes == Array(repeating: 100, count: 10) + [50])
    }

    struct Damaged: Error {}

    @Test func anErrorArrivesAfterTheElementsBeforeIt() throws {
        let producer = BatchedProducer<Int>(name: "test", batchSize: 10, batches: 2) { emit in
            for number in 0..<25 { try emit(number) }
            throw Damaged()
        }
        var all: [Int] = []
        #expect(throws: Damaged.self) {
            while let batch = try producer.next() { all += batch }
        }
        producer.stop()
        #expect(all == Array(0..<20))
    }

    @Test func stopEndsAProducerThatHasMoreToGive() throws {
        let emitted = HandOffTests.Counter()
        let producer = BatchedProducer<Int>(name: "test", batchSize: 10, batches: 1) { emit in
            for number in 0..<10_000_000 {
                try emit(number)
                emitted.increment()
            }
        }
        #expect(try producer.next()?.count == 10)
        producer.stop()
        #expect(emitted.value < 10_000)
    }
}
