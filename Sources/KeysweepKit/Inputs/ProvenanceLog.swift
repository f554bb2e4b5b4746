#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Foundation
import Synchronization

/// The raw diffs of every commit that give matched blobs their provenance, started at the first
/// match so that git computes them while the scan goes on. A scan that matches nothing never
/// starts them. Used where Keysweep does not read the object store itself (alternates, SHA-256,
/// a partial clone) and with `KEYSWEEP_PROVENANCE=git`; `TreeProvenance` otherwise.
///
/// The commits (`git rev-list`) are dealt in stretches of `stretch` to `parts` runs in turn, each
/// diffed by its own `git diff-tree --stdin`: one `git log --raw` is one core, and on 20,000
/// commits it took 5 s, longer than reading every blob. Dealt in turn, the runs take about as long
/// as each other (halves did not: on curl one took 6.5 s, the other 2.8 s, and one core idled).
/// Each run is written to a temporary file (readable by the user only), so the process's memory
/// stays flat however long the history; the files together are as large as the log (27 MB for
/// 20,000 commits) and live in `TMPDIR`. The introductions read back are put in `git log` order
/// by the listing, which is kept (41 bytes a commit).
final class ProvenanceLog: ProvenanceSource {
    private let repository: GitRepository
    private let revisions: GitRevisions
    private let parts: Int
    /// The temporary files' common prefix.
    private let prefix: String
    private let state = Mutex<State>(.idle)
    private let launched = DispatchGroup()
    /// The commits, one id a line, in `git log` order.
    private let listing = Mutex<[UInt8]>([])
    /// Consecutive commits that go to the same run.
    static let stretch = 256

    private enum State {
        case idle
        case launching
        case running([GitProcess])
        /// The diffs of this many runs are written.
        case finished(runs: Int)
        case failed(KeysweepError)
    }

    init(repository: GitRepository, revisions: GitRevisions, parts: Int) {
        self.repository = repository
        self.revisions = revisions
        self.parts = max(1, parts)
        // Absolute: git resolves `--output` from the repository, not from our current folder.
        let folder = NSTemporaryDirectory()
        let absolute = folder.hasPrefix("/") ? folder : FileManager.default.currentDirectoryPath + "/" + folder
        prefix = (absolute.hasSuffix("/") ? absolute : absolute + "/") + "keysweep-log-\(UUID().uuidString)"
    }

    /// A scan that failed leaves the diffs running: stop them, so no git process outlives the scan.
    deinit {
        if case .running(let diffs) = state.withLock({ $0 }) { diffs.forEach { $0.terminate() } }
        for part in 0..<parts {
            unlink(commitsFile(part))
            unlink(logFile(part))
        }
    }

    /// Starts the diffs if they are not running yet; safe from any thread, and returns at once
    /// (listing the commits takes a while on a long history: not the time of a worker).
    func start() {
        let first = state.withLock { state in
            guard case .idle = state else { return false }
            state = .launching
            // Entered under the lock: whoever sees `.launching` may wait for the launch.
            launched.enter()
            return true
        }
        guard first else { return }
        Thread.detachNewThread { [self] in
            let outcome: State
            do throws(KeysweepError) {
                outcome = .running(try launch())
            } catch {
                outcome = .failed(error)
            }
            state.withLock { $0 = outcome }
            launched.leave()
        }
    }

    /// The introductions of `blobIDs`: waits for the diffs (starting them if no match did) and
    /// reads them.
    func provenance(of blobIDs: Set<BlobID>, store: PackedObjectStore? = nil) throws(KeysweepError) -> GitProvenance {
        guard !blobIDs.isEmpty else { return GitProvenance() }
        start()
        launched.wait()
        let runs: Int
        switch state.withLock({ $0 }) {
        case .idle, .launching: preconditionFailure("the diffs were just launched")
        case .failed(let error): throw error
        case .finished(let written): runs = written
        case .running(let diffs):
            state.withLock { $0 = .finished(runs: diffs.count) }
            runs = diffs.count
            var failure: KeysweepError?
            for diff in diffs {
                do throws(KeysweepError) { try diff.finish() } catch { failure = failure ?? error }
            }
            if let failure {
                state.withLock { $0 = .failed(failure) }
                throw failure
            }
        }
        var provenance = GitProvenance()
        for part in 0..<runs {
            let descriptor = open(logFile(part), O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else {
                throw KeysweepError("cannot read git's diffs '\(logFile(part))': \(String(cString: strerror(errno)))")
            }
            defer { close(descriptor) }
            provenance.read(ByteStreamReader(fileDescriptor: descriptor), blobIDs: blobIDs, store: store)
        }
        provenance.putInOrder(of: listing.withLock { $0 })
        return provenance
    }

    /// Lists the commits and starts one `diff-tree` per run of them.
    private func launch() throws(KeysweepError) -> [GitProcess] {
        let listing = try GitProcess.output(repository: repository.path, ["rev-list"] + revisions.arguments)
        self.listing.withLock { $0 = listing }
        let commits = listing.split(separator: UInt8(ascii: "\n"))
        let runs = min(parts, commits.count)
        var diffs: [GitProcess] = []
        do throws(KeysweepError) {
            for part in 0..<runs {
                var run: [UInt8] = []
                for start in stride(from: part * Self.stretch, to: commits.count, by: runs * Self.stretch) {
                    for commit in commits[start..<min(commits.count, start + Self.stretch)] {
                        run.append(contentsOf: commit)
                        run.append(UInt8(ascii: "\n"))
                    }
                }
                try Self.createPrivateFile(commitsFile(part), content: run)
                // Created here with mode 0600: git truncates it and keeps the mode.
                try Self.createPrivateFile(logFile(part), content: [])
                diffs.append(try GitProcess(repository: repository.path, arguments: GitProvenance.diffArguments + ["--output=" + logFile(part)],
                                            inputFile: commitsFile(part)))
            }
        } catch {
            diffs.forEach { $0.terminate() }
            throw error
        }
        return diffs
    }

    private func commitsFile(_ part: Int) -> String { "\(prefix)-\(part).commits" }
    private func logFile(_ part: Int) -> String { "\(prefix)-\(part).log" }

    private static func createPrivateFile(_ path: String, content: [UInt8]) throws(KeysweepError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw KeysweepError("cannot create '\(path)' for git: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        let failure = SystemCall.writeAll(descriptor, content)
        guard failure == 0 else { throw KeysweepError("cannot write '\(path)' for git: \(String(cString: strerror(failure)))") }
    }
}
