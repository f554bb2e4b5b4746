import Dispatch
import Synchronization

/// A first-in first-out queue of fixed capacity between one producer and several consumers.
///
/// `push` blocks while the queue is full: that backpressure is what keeps memory flat when the
/// walker is faster than the matchers. After `close`, `pop` drains what is left and then
/// returns nil. Meant for Dispatch threads doing blocking work, not for Swift's cooperative pool.
final class BoundedQueue<Element: Sendable>: Sendable {
    private struct State {
        var items: [Element?] = []
        var head = 0
        var closed = false
    }

    private let state = Mutex(State())
    private let freeSlots: DispatchSemaphore
    private let filledSlots = DispatchSemaphore(value: 0)

    init(capacity: Int) {
        freeSlots = DispatchSemaphore(value: capacity)
    }

    func push(_ element: Element) {
        freeSlots.wait()
        state.withLock { $0.items.append(element) }
        filledSlots.signal()
    }

    /// Wakes every consumer once the remaining items are taken.
    func close(consumers: Int) {
        state.withLock { $0.closed = true }
        for _ in 0..<consumers { filledSlots.signal() }
    }

    func pop() -> Element? {
        filledSlots.wait()
        let element: Element? = state.withLock { state in
            guard state.head < state.items.count else { return nil }
            let element = state.items[state.head]
            state.items[state.head] = nil
            state.head += 1
            if state.head > 1024 && state.head * 2 > state.items.count {
                state.items.removeFirst(state.head)
                state.head = 0
            }
            return element
        }
        if element != nil { freeSlots.signal() }
        return element
    }
}
