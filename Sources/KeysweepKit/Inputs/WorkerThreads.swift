import Dispatch

/// The same work run on several threads of their own (`DetachedThread`), and waited for.
///
/// Not `DispatchQueue.concurrentPerform`: while a scan's workers wait for blobs they hold the
/// pool's threads, and `concurrentPerform` then runs its iterations one after another on the
/// calling thread. A range's producer compared its commits and read its blobs on one thread.
final class WorkerThreads: Sendable {
    private let finished = DispatchGroup()

    /// Starts `count` threads running `body`; returns at once. A thread the system does not give
    /// is asked of Dispatch's pool instead, never run here: the caller may be the producer that
    /// the workers wait for.
    init(_ count: Int, _ body: @escaping @Sendable () -> Void) {
        for _ in 0..<count {
            finished.enter()
            let work: @Sendable () -> Void = { [finished] in
                body()
                finished.leave()
            }
            if !DetachedThread.spawn(work) { DispatchQueue.global().async(execute: work) }
        }
    }

    /// Returns once every thread has finished.
    func wait() {
        finished.wait()
    }

    /// Runs `body` on `count` threads (on this one when `count` is 1) and returns once all have.
    static func run(_ count: Int, _ body: @escaping @Sendable () -> Void) {
        guard count > 1 else {
            if count == 1 { body() }
            return
        }
        WorkerThreads(count, body).wait()
    }
}
