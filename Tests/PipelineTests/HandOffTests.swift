import Foundation
import Pipeline
import Testing

/// The hand-off between a pack's or an import's two threads: everything sent arrives in order, the producer
/// never gets more than `capacity` elements ahead, its error reaches the consumer, and a cancel stops it.
@Suite struct HandOffTests {
    /// Counts what the producer has sent so far, read from the consumer's thread.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func increment() { lock.withLock { count += 1 } }
        var value: Int { lock.withLock { count } }
    }

    @Test func deliversEveryElementInOrder() throws {
        let handOff = HandOff<Int>(capacity: 3)
        let worker = WorkerThread(name: "test-producer") {
            for number in 0..<10_000 { handOff.send(number) }
            handOff.finish(nil)
        }
        var received: [Int] = []
        while let number = try handOff.next() { received.append(number) }
        worker.wait()
        #expect(received == Array(0..<10_000))
    }

    @Test func theProducerWaitsWhileTheQueueIsFull() throws {
        let handOff = HandOff<Int>(capacity: 4)
        let (worker, sent) = Self.countingProducer(sending: 100, to: handOff)
        // Nothing is taken yet: the producer must stop at the capacity, and go on by one when one is taken.
        Self.waitUntil { sent.value >= 4 }
        Thread.sleep(forTimeInterval: 0.2)
        #expect(sent.value == 4)
        #expect(try handOff.next() == 0)
        Self.waitUntil { sent.value >= 5 }
        Thread.sleep(forTimeInterval: 0.2)
        #expect(sent.value == 5)
        while try handOff.next() != nil {}
        worker.wait()
        #expect(sent.value == 100)
    }

    /// A producer thread that sends 0..<count until the consumer cancels, counting what it sent.
    static func countingProducer(sending count: Int, to handOff: HandOff<Int>) -> (WorkerThread, Counter) {
        let sent = Counter()
        let worker = WorkerThread(name: "test-producer") {
            for number in 0..<count {
                guard handOff.send(number) else { break }
                sent.increment()
            }
            handOff.finish(nil)
        }
        return (worker, sent)
    }

    /// Polls `condition` for up to ten seconds (a loaded machine may start the producer late).
    static func waitUntil(_ condition: () -> Bool) {
        let deadline = Date().addingTimeInterval(10)
        while !condition() && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
    }

    struct Broken: Error, Equatable {}

    @Test func theProducersErrorReachesTheConsumerAfterTheElementsBeforeIt() throws {
        let handOff = HandOff<Int>(capacity: 2)
        let worker = WorkerThread(name: "test-producer") {
            handOff.send(1)
            handOff.send(2)
            handOff.finish(Broken())
        }
        #expect(try handOff.next() == 1)
        #expect(try handOff.next() == 2)
        #expect(throws: Broken.self) { try handOff.next() }
        worker.wait()
    }

    @Test func cancellingStopsAWaitingProducer() {
        let handOff = HandOff<Int>(capacity: 1)
        let (worker, sent) = Self.countingProducer(sending: 1_000_000, to: handOff)
        Self.waitUntil { sent.value >= 1 }
        handOff.cancel()
        worker.wait()
        #expect(handOff.isCancelled)
        #expect(sent.value == 1)
    }
}
