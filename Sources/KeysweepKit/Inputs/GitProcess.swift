#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Synchronization

/// One `git` subprocess in a repository, with its standard output as a stream and its standard
/// error kept for the error message.
///
/// Started with `posix_spawnp` and reaped with `waitpid` rather than with Foundation's `Process`,
/// whose `waitUntilExit` polls a run loop and added about 50 ms per git call: too much for a
/// pre-commit hook that runs three of them.
final class GitProcess: @unchecked Sendable {
    private let pid: pid_t
    private let outputDescriptor: Int32
    private var inputDescriptor: Int32?
    /// git's standard error: a temporary file unlinked as soon as it is open, so that no run,
    /// however it ends (a crash, SIGKILL, a leaked process object), leaves it behind.
    private let errorDescriptor: Int32
    let output: ByteStreamReader
    let arguments: [String]
    /// The repository git runs in, for messages.
    let repository: String
    /// Whether the process was waited for (by `finish` or `terminate`): a pid is reaped once.
    private let reaped = Mutex(false)

    /// Starts `git -C repository arguments...`. `feedsInput` gives it a standard input to write
    /// to; `inputFile` makes that file its standard input instead (else it reads `/dev/null`).
    init(repository: String, arguments: [String], feedsInput: Bool = false, inputFile: String? = nil) throws(KeysweepError) {
        self.arguments = arguments
        self.repository = repository
        let errorFile = NSTemporaryDirectory() + "keysweep-git-\(UUID().uuidString)"
        errorDescriptor = open(errorFile, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard errorDescriptor >= 0 else {
            throw KeysweepError(.gitFailed, path: repository, "cannot start git: cannot create '\(errorFile)': \(String(cString: strerror(errno)))")
        }
        unlink(errorFile)
        var outputPipe: [Int32] = [-1, -1]
        var inputPipe: [Int32] = [-1, -1]
        guard pipe(&outputPipe) == 0, !feedsInput || pipe(&inputPipe) == 0 else {
            close(errorDescriptor)
            throw KeysweepError(.gitFailed, path: repository, "cannot start git: \(String(cString: strerror(errno)))")
        }
        // Close-on-exec, so that no other git process inherits a pipe end and keeps it open
        // (a second holder of cat-file's input would keep it from ever seeing the end).
        for descriptor in outputPipe + (feedsInput ? inputPipe : []) { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        SystemCall.growPipe(outputPipe[0], to: 1 << 20)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if feedsInput {
            posix_spawn_file_actions_adddup2(&actions, inputPipe[0], 0)
            posix_spawn_file_actions_addclose(&actions, inputPipe[1])
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, inputFile ?? "/dev/null", O_RDONLY, 0)
        }
        posix_spawn_file_actions_adddup2(&actions, outputPipe[1], 1)
        posix_spawn_file_actions_addclose(&actions, outputPipe[0])
        posix_spawn_file_actions_adddup2(&actions, errorDescriptor, 2)
        let argv = ["git"] + Self.memoryBounds + ["-C", repository] + arguments
        var cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var child: pid_t = 0
        let status = posix_spawnp(&child, "git", &actions, nil, &cArguments, environ)
        close(outputPipe[1])
        if feedsInput { close(inputPipe[0]) }
        guard status == 0 else {
            close(outputPipe[0])
            close(errorDescriptor)
            if feedsInput { close(inputPipe[1]) }
            if status == ENOENT {
                throw KeysweepError(.gitMissing, "git is not installed or not on PATH", remedy: "install git (`apt-get install git`) or add it to PATH")
            }
            throw KeysweepError(.gitFailed, path: repository, "cannot start git: \(String(cString: strerror(status)))")
        }
        pid = child
        outputDescriptor = outputPipe[0]
        inputDescriptor = feedsInput ? inputPipe[1] : nil
        output = ByteStreamReader(fileDescriptor: outputDescriptor)
    }

    /// git maps packs in windows of 1 GiB by default, so reading a 330 MB pack made a `cat-file`
    /// 390 MB resident. Smaller windows, fewer of them mapped at once, keep each git process near
    /// 200 MB (its delta cache included) at the cost of some remapping.
    static let memoryBounds = ["-c", "core.packedGitWindowSize=16m", "-c", "core.packedGitLimit=64m"]

    deinit {
        close(outputDescriptor)
        if let inputDescriptor { close(inputDescriptor) }
        close(errorDescriptor)
    }

    /// Writes to git's standard input (blocking while git is not reading). A git that exited
    /// early is not an error here: `finish` reports why it did.
    func write(_ bytes: [UInt8]) {
        guard let inputDescriptor else { return }
        _ = SystemCall.writeAll(inputDescriptor, bytes)
    }

    func closeInput() {
        if let inputDescriptor { close(inputDescriptor) }
        inputDescriptor = nil
    }

    /// Waits for git to exit; throws with git's own message when it failed, or when it reported
    /// an error but still exited 0 (as `cat-file --batch-all-objects` does on a damaged pack
    /// index, listing nothing): a store git could not read must not pass as an empty one.
    func finish() throws(KeysweepError) {
        closeInput()
        var status: Int32 = 0
        let alreadyReaped = reaped.withLock { reaped in
            defer { reaped = true }
            if !reaped { while waitpid(pid, &status, 0) < 0 && errno == EINTR {} }
            return reaped
        }
        guard !alreadyReaped else { return }
        let exited = status & 0x7F == 0
        let code = (status >> 8) & 0xFF
        let message = String(decoding: errorOutput(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let reportedError = message.split(separator: "\n").contains { $0.hasPrefix("error: ") || $0.hasPrefix("fatal: ") }
        guard !exited || code != 0 || reportedError else { return }
        throw KeysweepError(.gitFailed, path: repository, "git \(arguments.first ?? "") failed: " + Self.reason(message, exited: exited, code: code, signal: status & 0x7F),
                            remedy: "check the repository with `git -C \(repository) fsck`")
    }

    /// What git wrote to its standard error, up to 64 KiB (its messages are a few lines).
    private func errorOutput() -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: 1 << 16)
        let count = bytes.withUnsafeMutableBytes { pread(errorDescriptor, $0.baseAddress, $0.count, 0) }
        return Array(bytes.prefix(max(0, count)))
    }

    /// Stops git (when the scan it serves has failed) and reaps it, once, from any thread. Its
    /// input stays open until `deinit`: another thread may be writing to it, and then sees the
    /// pipe broken rather than a descriptor closed under it.
    func terminate() {
        reaped.withLock { reaped in
            guard !reaped else { return }
            kill(pid, SIGTERM)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            reaped = true
        }
    }

    /// git's first error line in words (without its `fatal: ` or `error: ` label), else how it ended.
    static func reason(_ message: String, exited: Bool, code: Int32, signal: Int32) -> String {
        let lines = message.split(separator: "\n").map(String.init)
        let first = lines.first { $0.hasPrefix("fatal: ") || $0.hasPrefix("error: ") } ?? lines.first
        guard var first else { return exited ? "it exited with status \(code)" : "it was killed by signal \(signal)" }
        for label in ["fatal: ", "error: "] where first.hasPrefix(label) { first.removeFirst(label.count) }
        return first
    }

    /// Runs git to completion and returns its standard output.
    static func output(repository: String, _ arguments: [String]) throws(KeysweepError) -> [UInt8] {
        let git = try GitProcess(repository: repository, arguments: arguments)
        let bytes = git.output.readToEnd()
        try git.finish()
        return bytes
    }
}
