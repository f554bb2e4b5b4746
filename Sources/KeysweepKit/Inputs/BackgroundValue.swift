import Dispatch
import Synchronization

/// A value worked out once, on a thread of its own, from the first `start`: a listing that git
/// prints while the scan goes on. `value()` starts the work if no one did and waits for it.
///
/// A thread, not a Dispatch queue: the pool's threads are busy scanning, and Dispatch only adds
/// one after a second.
final class BackgroundValue<Value: Sendable>: Sendable {
    private enum Phase {
        case idle
        case working
        case done(Result<Value, KeysweepError>)
    }

    private let phase = Mutex<Phase>(.idle)
    private let finished = DispatchGroup()
    private let work: @Sendable () throws(KeysweepError) -> Value

    init(_ work: @escaping @Sendable () throws(KeysweepError) -> Value) {
        self.work = work
    }

    /// Starts the work if that has not begun; returns at once.
    func start() {
        // Entered under the lock: whoever calls `value()` after any `start` waits for the work.
        let first = phase.withLock { phase in
            guard case .idle = phase else { return false }
            phase = .working
            finished.enter()
            return true
        }
        guard first else { return }
        DetachedThread.start { [self] in
            let result: Result<Value, KeysweepError>
            do throws(KeysweepError) {
                result = .success(try work())
            } catch {
                result = .failure(error)
            }
            phase.withLock { $0 = .done(result) }
            finished.leave()
        }
    }

    /// The value, once worked out (starting the work if no one did); the work's error otherwise.
    func value() throws(KeysweepError) -> Value {
        start()
        finished.wait()
        guard case .done(let result) = phase.withLock({ $0 }) else { preconditionFailure("the work was just awaited") }
        return try result.get()
    }

    /// The value if the work is done and succeeded; nil otherwise, without waiting.
    var valueIfDone: Value? {
        guard case .done(.success(let value)) = phase.withLock({ $0 }) else { return nil }
        return value
    }
}
