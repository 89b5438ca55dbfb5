import Foundation

/// A thread that runs one closure and can be waited for: the producing side of a ``HandOff``.
public final class WorkerThread: @unchecked Sendable {
    // `done` is only touched through `condition`.
    private let condition = NSCondition()
    private var done = false

    /// Starts `body` on a new thread.
    public init(name: String, _ body: @escaping @Sendable () -> Void) {
        let thread = Thread { [self] in
            body()
            condition.lock()
            done = true
            condition.broadcast()
            condition.unlock()
        }
        thread.name = name
        thread.stackSize = 1 << 22
        thread.start()
    }

    /// Waits until the closure has returned.
    public func wait() {
        condition.lock()
        while !done { condition.wait() }
        condition.unlock()
    }
}
