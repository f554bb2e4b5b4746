#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The pre-commit hook's `git diff --cached`, started before the command line is parsed.
///
/// `keysweep git --staged` spends about 5 ms in the argument parser before it knows which
/// repository to diff, and git then takes 3-4 ms to compare a 10,000-file index with HEAD. A
/// hook runs in its repository's top folder, so the diff of the working directory is started
/// first and runs while the arguments are parsed; the scan takes it when it asks for the same
/// folder. A guess that turns out wrong costs a git process that nobody reads: it ends on its own,
/// or on a closed pipe when `keysweep` exits. The diff changes nothing in the repository.
public enum StagedDiffPrefetch {
    private static let started = Mutex<Prefetched?>(nil)

    private struct Prefetched: @unchecked Sendable {
        /// The folder git runs in, resolved (`realpath`).
        let folder: String
        let process: GitProcess
    }

    /// Starts the diff of `folder` when `arguments` (the process's, its name first) ask for a
    /// staged scan and `folder` is a plain working tree (`GitRepository.plainWorkingTree`);
    /// returns at once, and quietly does nothing when git cannot start.
    public static func start(for arguments: [String], in folder: String = ".") {
        guard arguments.count > 1, arguments[1] == "staged" || (arguments[1] == "git" && arguments.contains("--staged")),
              GitRepository.plainWorkingTree(at: folder) != nil, let resolved = resolvedFolder(folder),
              let process = try? GitProcess(repository: folder, arguments: StagedChanges.diffArguments)
        else { return }
        started.withLock { $0 = Prefetched(folder: resolved, process: process) }
    }

    /// The diff started for `repository`'s folder, once; nil when none was (then the slot is
    /// left as it is).
    static func take(for repository: GitRepository) -> GitProcess? {
        // Most scans started none: no path to resolve then.
        guard started.withLock({ $0 != nil }), let folder = resolvedFolder(repository.path) else { return nil }
        return started.withLock { prefetched in
            guard let match = prefetched, match.folder == folder else { return nil }
            prefetched = nil
            return match.process
        }
    }

    private static func resolvedFolder(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
