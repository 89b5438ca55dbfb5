/// Runs a producing closure on its own thread and hands what it emits to the calling thread in batches, at most
/// `batches` of `batchSize` waiting at a time: the shape of both two-core pipelines (a pack's sealing pass, an
/// import's record preparation).
public final class BatchedProducer<Element: Sendable> {
    private let handOff: HandOff<[Element]>
    private let worker: WorkerThread

    /// Starts `produce` on a new thread; it calls `emit` for each element and returns at the end. An error it
    /// throws reaches ``next()`` after the elements emitted before it.
    public init(
        name: String, batchSize: Int = 256, batches: Int = 4,
        _ produce: @escaping @Sendable (_ emit: (Element) throws -> Void) throws -> Void
    ) {
        let handOff = HandOff<[Element]>(capacity: batches)
        worker = WorkerThread(name: name) {
            var batch: [Element] = []
            batch.reserveCapacity(batchSize)
            do {
                try produce { element in
                    batch.append(element)
                    if batch.count == batchSize {
                        guard handOff.send(batch) else { throw Stopped() }
                        batch.removeAll(keepingCapacity: true)
                    }
                }
                if !batch.isEmpty { handOff.send(batch) }
                handOff.finish(nil)
            } catch is Stopped {
                handOff.finish(nil)
            } catch {
                handOff.finish(error)
            }
        }
        self.handOff = handOff
    }

    /// The next batch, nil after the last; rethrows what stopped the producer.
    public func next() throws -> [Element]? { try handOff.next() }

    /// Stops the producer if it still runs and waits for its thread to end. Call it before touching anything the
    /// producer used; calling it again does nothing more.
    public func stop() {
        handOff.cancel()
        worker.wait()
    }

    /// Thrown through `produce` when the consumer stopped listening.
    private struct Stopped: Error {}
}

/// Hands a value that is not `Sendable` to exactly one other thread, which becomes its only user until that
/// thread ends.
public final class Handed<Value>: @unchecked Sendable {
    public let value: Value
    public init(_ value: Value) { self.value = value }
}
