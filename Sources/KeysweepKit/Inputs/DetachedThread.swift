#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs closures on threads of their own, started with `pthread_create`.
///
/// Not Foundation's `Thread.detachNewThread`: its first use sets up Foundation's thread
/// machinery, which a pre-commit hook measured at 1 to 4 ms before the rules began to build.
enum DetachedThread {
    /// Stack of each thread: glibc's default under the usual `ulimit -s` of 8 MiB, set explicitly
    /// so that a lower limit in the environment does not shrink it.
    static let stackSize = 8 << 20

    /// Starts `body` on a new thread and returns at once; runs it here, before returning, when
    /// the system has no thread to give (for work that waits on nothing the caller does next).
    static func start(_ body: @escaping @Sendable () -> Void) {
        if !spawn(body) { body() }
    }

    /// Starts `body` on a new thread and returns true at once; false, with `body` not run, when
    /// the system has no thread to give.
    static func spawn(_ body: @escaping @Sendable () -> Void) -> Bool {
        let box = Unmanaged.passRetained(Box(body)).toOpaque()
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        pthread_attr_setstacksize(&attributes, stackSize)
        var thread = pthread_t()
        let status = pthread_create(&thread, &attributes, { context in
            let box = Unmanaged<Box>.fromOpaque(context!).takeRetainedValue()
            box.body()
            return nil
        }, box)
        guard status == 0 else {
            Unmanaged<Box>.fromOpaque(box).release()
            return false
        }
        return true
    }

    private final class Box {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }
}
