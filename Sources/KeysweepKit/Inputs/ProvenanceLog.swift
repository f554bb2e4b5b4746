#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Synchronization

/// The `git log --raw` that gives matched blobs their provenance, started at the first match so
/// that git computes it while the scan goes on (on 20,000 commits it takes 4.7 s, which used to
/// follow the scan). It writes to a temporary file (readable by the user only), so the process's
/// memory stays flat however long the history; the file is as large as the log (27 MB for 20,000
/// commits) and lives in `TMPDIR`. A scan that matches nothing never starts it.
final class ProvenanceLog: Sendable {
    private let repository: GitRepository
    private let revisions: GitRevisions
    private let file: String
    private let state = Mutex<State>(.idle)

    private enum State {
        case idle
        case running(GitProcess)
        case finished
        case failed(KeysweepError)
    }

    init(repository: GitRepository, revisions: GitRevisions) {
        self.repository = repository
        self.revisions = revisions
        // Absolute: git resolves `--output` from the repository, not from our current folder.
        let folder = NSTemporaryDirectory()
        let absolute = folder.hasPrefix("/") ? folder : FileManager.default.currentDirectoryPath + "/" + folder
        file = (absolute.hasSuffix("/") ? absolute : absolute + "/") + "keysweep-log-\(UUID().uuidString)"
    }

    /// A scan that failed leaves the log running: stop it, so no git process outlives the scan.
    deinit {
        if case .running(let log) = state.withLock({ $0 }) { log.terminate() }
        unlink(file)
    }

    /// Starts the log if it is not running yet; safe from any thread.
    func start() {
        state.withLock { state in
            guard case .idle = state else { return }
            do throws(KeysweepError) {
                // Created here with mode 0600: git truncates it and keeps the mode.
                let descriptor = open(file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
                guard descriptor >= 0 else {
                    throw KeysweepError("cannot create '\(file)' for git log: \(String(cString: strerror(errno)))")
                }
                close(descriptor)
                var arguments = GitProvenance.logArguments(revisions)
                arguments.insert("--output=" + file, at: 1)
                state = .running(try GitProcess(repository: repository.path, arguments: arguments))
            } catch {
                state = .failed(error)
            }
        }
    }

    /// The introductions of `blobIDs`: waits for the log (starting it if no match did) and reads it.
    func provenance(of blobIDs: Set<String>) throws(KeysweepError) -> GitProvenance {
        guard !blobIDs.isEmpty else { return GitProvenance() }
        start()
        switch state.withLock({ $0 }) {
        case .idle: preconditionFailure("the log was just started")
        case .failed(let error): throw error
        case .finished: break
        case .running(let log):
            state.withLock { $0 = .finished }
            try log.finish()
        }
        let descriptor = open(file, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw KeysweepError("cannot read git log output '\(file)': \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        return GitProvenance(parsing: ByteStreamReader(fileDescriptor: descriptor), blobIDs: blobIDs)
    }
}
