import Synchronization

/// How far a running scan has come, shared between the workers that add to it and a display that
/// reads it (see `ProgressDisplay`). Workers add once per batch, so counting costs nothing measurable.
///
/// `plannedWork` and `doneWork` are in whatever unit the input knows its size in ahead (compressed
/// pack bytes for a history read from packs); an input that cannot know leaves them at zero, and
/// no time left is estimated.
public final class ScanProgress: Sendable {
    private let objects = Atomic<Int>(0)
    private let bytes = Atomic<Int>(0)
    private let planned = Atomic<Int>(0)
    private let done = Atomic<Int>(0)
    /// Called once, when the scan proper ends: before any report is written.
    private let onFinish = Mutex<(@Sendable () -> Void)?>(nil)

    public init() {}

    /// Registers what to do when the scan ends (a display clears its line).
    public func whenFinished(_ action: @escaping @Sendable () -> Void) {
        onFinish.withLock { $0 = action }
    }

    /// The scan is over: whoever watches stops, synchronously, so nothing is drawn over a report.
    func finish() {
        onFinish.withLock { action in
            action?()
            action = nil
        }
    }

    func add(objects count: Int, bytes size: Int) {
        if count != 0 { objects.wrappingAdd(count, ordering: .relaxed) }
        if size != 0 { bytes.wrappingAdd(size, ordering: .relaxed) }
    }

    /// The input's total work, once it knows it.
    func plan(_ work: Int) { planned.store(work, ordering: .relaxed) }

    func complete(_ work: Int) { done.wrappingAdd(work, ordering: .relaxed) }

    /// What has been scanned so far, and the share of the planned work done (nil if unknown).
    public var snapshot: (objects: Int, bytes: Int, fraction: Double?) {
        let planned = planned.load(ordering: .relaxed)
        let fraction = planned > 0 ? min(1, Double(done.load(ordering: .relaxed)) / Double(planned)) : nil
        return (objects.load(ordering: .relaxed), bytes.load(ordering: .relaxed), fraction)
    }
}
