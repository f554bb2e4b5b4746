#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Scans folder trees and files on the `ScanPool`: the producer walks the tree into batches of
/// files, and each worker reads them into its own buffer and matches them.
public struct DirectoryScanner: Sendable {
    public let ruleSet: RuleSet
    public let options: ScanOptions

    /// Files per queue item: amortises locking without delaying the first worker much.
    static let batchSize = 32

    public init(ruleSet: RuleSet, options: ScanOptions) {
        self.ruleSet = ruleSet
        self.options = options
    }

    /// Scans `roots`: folders and files on the pool, then each pipe, FIFO or character device
    /// (`<(cat file)`, `/dev/fd/N`) read whole as a stream under the name it was given, as `scan -` reads standard
    /// input.
    ///
    /// A root that was named but could not be read at all (a file that fails to open or read, a
    /// folder that cannot be listed, a device, a broken link) is `ScanResult.damage`: the report of
    /// the rest is written, then the run fails with exit code 2 naming each such root. A root left
    /// out by policy (binary, larger than --max-file-size) is only counted, as inside a folder:
    /// `keysweep scan *` names binaries too.
    public func scan(roots: [String]) -> ScanResult {
        let clock = ContinuousClock.now
        let options = self.options
        let streams = Set(roots.filter(Self.isStream))
        let pool = ScanPool<FileTask>(ruleSet: ruleSet, options: options)
        let (outcome, walkerStatistics) = pool.run(produce: { push in
            Self.walk(roots: roots.filter { !streams.contains($0) }, options: options, push: push)
        }, process: { task, worker in
            worker.scan(file: task)
        })
        var matches = outcome.matches
        var statistics = walkerStatistics
        statistics.merge(outcome.statistics)
        for root in roots where streams.contains(root) {
            let streamed = scanStream(path: root)
            matches += streamed.matches
            statistics.merge(streamed.statistics)
        }
        statistics.threads = options.threads
        statistics.normalize()
        statistics.durationMilliseconds = Self.milliseconds(since: clock)
        var result = ScanResult(matches: matches, statistics: statistics)
        result.damage = Self.unreadRoots(roots, statistics)
        return result
    }

    /// Skips that mean a root was not read at all, as opposed to left out by policy.
    static let failedReadReasons: Set<SkipReason> = [.unreadable, .specialFile, .brokenSymlink, .symlinkLoop]

    /// The error naming every root that could not be read, or nil.
    private static func unreadRoots(_ roots: [String], _ statistics: ScanStatistics) -> KeysweepError? {
        let named = Set(roots)
        let failures = statistics.warnings.filter { named.contains($0.path) && failedReadReasons.contains($0.reason) }
        guard !failures.isEmpty else { return nil }
        let reasons = failures.map { "cannot read '\($0.path)': \($0.message)" }.joined(separator: "; ")
        return KeysweepError(reasons + " (what else was named is scanned and reported; make it readable or leave it out)")
    }

    /// Whether `path` is read as a stream: a pipe or FIFO (`/dev/fd/N` links to one), or a
    /// character device (`/dev/stdin` on a terminal, `/dev/null`), after symbolic links. Block
    /// devices and sockets are not read.
    static func isStream(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        return info.st_mode & S_IFMT == S_IFIFO || info.st_mode & S_IFMT == S_IFCHR
    }

    /// Scans standard input as one blob named `<stdin>`.
    public func scanStandardInput() -> ScanResult {
        scanStream(descriptor: STDIN_FILENO, name: "<stdin>")
    }

    /// Scans the stream at `path` as one blob named `path`. A FIFO with no writer reads as empty.
    func scanStream(path: String) -> ScanResult {
        let descriptor: Int32
        do {
            descriptor = try SystemCall.openStream(path, what: "input")
        } catch {
            var statistics = ScanStatistics()
            statistics.skip(.unreadable, path: path, message: error.message)
            return ScanResult(matches: [], statistics: statistics)
        }
        defer { close(descriptor) }
        return scanStream(descriptor: descriptor, name: path)
    }

    /// Reads a stream whole and scans it as one blob; more than the file-size limit is a counted
    /// skip with a warning, read no further (an endless `/dev/zero` stops there).
    private func scanStream(descriptor: Int32, name: String) -> ScanResult {
        let reader = ByteStreamReader(fileDescriptor: descriptor)
        guard let bytes = reader.readToEnd(limit: options.maxFileSize) else {
            var statistics = ScanStatistics()
            statistics.skip(.tooLarge, path: name, message: "larger than \(options.maxFileSize) bytes")
            statistics.warnings.append(ScanWarning(path: name, reason: .tooLarge,
                                                   message: "more than \(options.maxFileSize) bytes: not scanned (see --max-file-size)"))
            return ScanResult(matches: [], statistics: statistics)
        }
        if let failure = reader.failure {
            var statistics = ScanStatistics()
            statistics.skip(.unreadable, path: name, message: "cannot read: \(String(cString: strerror(failure)))")
            return ScanResult(matches: [], statistics: statistics)
        }
        return scan(bytes: bytes, name: name)
    }

    /// Scans one buffer as a blob named `name`.
    public func scan(bytes: [UInt8], name: String) -> ScanResult {
        let clock = ContinuousClock.now
        var worker = ScanWorker(matcher: Matcher(ruleSet: ruleSet, suppress: options.suppress), options: options)
        worker.scan(bytes: bytes, path: name, skipsBinary: false)
        var statistics = worker.outcome.statistics
        statistics.normalize()
        statistics.durationMilliseconds = Self.milliseconds(since: clock)
        return ScanResult(matches: worker.outcome.matches, statistics: statistics)
    }

    /// The producer: walks every root, pushing batches of files; a root may itself be a file.
    private static func walk(roots: [String], options: ScanOptions, push: ([FileTask]) -> Void) -> ScanStatistics {
        var walker = DirectoryWalker(followSymlinks: options.followSymlinks, include: options.include, exclude: options.exclude)
        var statistics = ScanStatistics()
        var batch: [FileTask] = []
        func emit(_ task: FileTask) {
            batch.append(task)
            if batch.count == batchSize {
                push(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        for root in roots {
            switch DirectoryWalker.classify(path: root, follow: true) {
            case .file:
                emit(FileTask(path: FileSystemPath(root), displayPath: root))
            case .special, .symlink:
                // Named on the command line, so a warning (and exit 2), not only a count.
                statistics.skip(.specialFile, path: root, message: "it is a block device or socket, not a regular file, folder or pipe")
                statistics.warnings.append(ScanWarning(path: root, reason: .specialFile,
                                                       message: "it is a block device or socket, not a regular file, folder or pipe"))
            case .directory, .vanished, .loop:
                walker.walk(root: root, emit: emit, skip: { reason, path, message in
                    statistics.skip(reason, path: path, message: message)
                })
            }
        }
        if !batch.isEmpty { push(batch) }
        return statistics
    }

    static func milliseconds(since start: ContinuousClock.Instant) -> Int {
        let elapsed = ContinuousClock.now - start
        return Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
    }
}
