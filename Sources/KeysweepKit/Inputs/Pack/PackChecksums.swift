import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif
import Digest

/// Checks that each pack ends with the SHA-1 of everything before it, as git writes it, so that
/// damage anywhere in a pack is found, also in commits and trees a scan never reads. (The pack's
/// last 20 bytes are checked against its index when it is opened.)
///
/// The hashing (a pass over every pack byte: 0.25 s of CPU on Ansible's 242 MB pack) starts
/// before the indexes are opened, on a thread of idle priority, so that it takes only cores the
/// scan leaves free: while the first index is sorted, between provenance's last commits, and
/// while findings are grouped and enriched. `failures()` finishes what is left on the caller's
/// thread, at its priority, a stretch at a time under the same lock.
final class PackChecksums: Sendable {
    /// Bytes hashed under the lock at a time: short, so that a caller waits little for a stretch
    /// the idle thread holds.
    static let stretch = 256 << 10

    /// Where the checking is, under `State.progress`'s lock.
    private struct Progress: ~Copyable {
        var pack = 0
        var offset: UInt64 = 0
        let hasher = SHA1()
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: PackChecksums.stretch, alignment: 64)
        /// The pack being hashed, open, and its size.
        var file: (descriptor: Int32, size: UInt64)?
        var failures: [(path: String, message: String)] = []

        deinit {
            if let file { close(file.descriptor) }
            buffer.deallocate()
        }
    }

    private final class State: Sendable {
        let paths: [String]
        let progress = Mutex(Progress())
        /// Set when the idle thread should stop: a caller finishes the work, or no one will.
        let stop = Atomic<Bool>(false)

        init(paths: [String]) { self.paths = paths }

        /// Hashes the next stretch; false once every pack is checked.
        func step() -> Bool {
            progress.withLock { progress in
                guard progress.pack < paths.count else { return false }
                step(&progress, path: paths[progress.pack])
                return progress.pack < paths.count
            }
        }

        private func step(_ progress: inout Progress, path: String) {
            if progress.file == nil {
                switch Self.open(path) {
                case .success(let file): progress.file = file
                case .failure(let error): return fail(&progress, path, error.message)
                }
                progress.offset = 0
            }
            guard let file = progress.file else { return }
            let bodyEnd = file.size - UInt64(PackIndex.idLength)
            let count = Int(min(UInt64(progress.buffer.count), bodyEnd - progress.offset))
            if count > 0 {
                if let reason = Self.read(file.descriptor, into: progress.buffer, count: count, at: progress.offset) {
                    return fail(&progress, path, "cannot read pack '\(path)' at offset \(progress.offset): \(reason)")
                }
                progress.hasher.update(UnsafeRawBufferPointer(rebasing: progress.buffer[..<count]))
                progress.offset += UInt64(count)
                if progress.offset < bodyEnd { return }
            }
            let digest = progress.hasher.finish()
            if let reason = Self.read(file.descriptor, into: progress.buffer, count: PackIndex.idLength, at: bodyEnd) {
                return fail(&progress, path, "cannot read pack '\(path)' at offset \(bodyEnd): \(reason)")
            }
            guard digest.elementsEqual(UnsafeRawBufferPointer(rebasing: progress.buffer[..<PackIndex.idLength])) else {
                return fail(&progress, path, "damaged pack '\(path)': its content does not match its checksum")
            }
            next(&progress)
        }

        private func fail(_ progress: inout Progress, _ path: String, _ message: String) {
            progress.failures.append((path, message))
            _ = progress.hasher.finish()
            next(&progress)
        }

        private func next(_ progress: inout Progress) {
            if let file = progress.file { close(file.descriptor) }
            progress.file = nil
            progress.pack += 1
        }

        /// The pack open for reading, with its size; why not, if it cannot be.
        private static func open(_ path: String) -> Result<(descriptor: Int32, size: UInt64), KeysweepError> {
            do throws(KeysweepError) {
                let (descriptor, size) = try SystemCall.openRegularFileWithSize(path, what: "pack")
                // Opening the pack checked its size: it is this short only if it changed since.
                guard size >= 12 + PackIndex.idLength else {
                    close(descriptor)
                    return .failure(KeysweepError("cannot read pack '\(path)': it is too short for a checksum"))
                }
                return .success((descriptor, UInt64(size)))
            } catch {
                return .failure(error)
            }
        }

        /// Reads `count` bytes at `offset`; why not, if they cannot be read.
        private static func read(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, count: Int, at offset: UInt64) -> String? {
            var done = 0
            while done < count {
                let got = pread(descriptor, buffer.baseAddress! + done, count - done, off_t(offset) + off_t(done))
                if got < 0, errno == EINTR { continue }
                guard got > 0 else { return got == 0 ? "the pack ends early" : String(cString: strerror(errno)) }
                done += got
            }
            return nil
        }
    }

    private let state: State

    /// Starts checking the packs at `paths` (each `pack-*.pack`), in that order.
    init(paths: [String]) {
        let state = State(paths: paths)
        self.state = state
        guard !paths.isEmpty else { return }
        Thread.detachNewThread {
            #if os(Linux)
            // Idle priority (`SCHED_IDLE`, 5 in <linux/sched.h>, which Glibc's module leaves out):
            // the thread runs only on a core no other thread wants.
            var parameters = sched_param(sched_priority: 0)
            _ = sched_setscheduler(0, 5, &parameters)
            #endif
            while !state.stop.load(ordering: .relaxed), state.step() {}
        }
    }

    deinit { state.stop.store(true, ordering: .relaxed) }

    /// The packs that failed, with why, once every pack is checked: what the idle thread has not
    /// done is done here.
    func failures() -> [(path: String, message: String)] {
        state.stop.store(true, ordering: .relaxed)
        while state.step() {}
        return state.progress.withLock { $0.failures }
    }
}
