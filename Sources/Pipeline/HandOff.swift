import Foundation

/// A bounded queue between one producing thread and one consuming thread: the producer blocks when `capacity`
/// batches wait, so a pipeline never holds more than that many batches however large its input.
///
/// The producer ends with ``finish(_:)`` (nil for success, or the error that stopped it); the consumer reads with
/// ``next()`` until nil and may ``cancel()`` to stop the producer early. Used to spread a pack's and an import's
/// work over two cores.
public final class HandOff<Element: Sendable>: @unchecked Sendable {
    // Every stored property is read and written with `condition` locked.
    private let condition = NSCondition()
    private let capacity: Int
    /// At most `capacity` elements, so taking the first is cheap.
    private var queue: [Element] = []
    private var finished = false
    private var failure: (any Error)?
    private var cancelled = false

    /// A queue that holds at most `capacity` elements.
    public init(capacity: Int) {
        precondition(capacity > 0)
        self.capacity = capacity
    }

    /// Adds an element, waiting while the queue is full. Returns false when the consumer cancelled: the producer
    /// should stop.
    @discardableResult
    public func send(_ element: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= capacity && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        queue.append(element)
        condition.broadcast()
        return true
    }

    /// Ends the stream: the consumer gets the waiting elements, then nil or `error`.
    public func finish(_ error: (any Error)?) {
        condition.lock()
        finished = true
        failure = error
        condition.broadcast()
        condition.unlock()
    }

    /// The next element, nil at a successful end; rethrows the producer's error.
    public func next() throws -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && !finished { condition.wait() }
        if !queue.isEmpty {
            let element = queue.removeFirst()
            condition.broadcast()
            return element
        }
        if let failure { throw failure }
        return nil
    }

    /// Tells the producer to stop; waiting elements are dropped.
    public func cancel() {
        condition.lock()
        cancelled = true
        queue.removeAll()
        condition.broadcast()
        condition.unlock()
    }

    /// Whether the consumer cancelled.
    public var isCancelled: Bool {
        condition.lock()
        defer { condition.unlock() }
        return cancelled
    }
}
