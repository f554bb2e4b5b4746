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

    public func scan(roots: [String]) -> ScanResult {
        let clock = ContinuousClock.now
        let options = self.options
        let pool = ScanPool<FileTask>(ruleSet: ruleSet, threads: options.threads, suppress: options.suppress)
        let (outcome, walkerStatistics) = pool.run(produce: { push in
            Self.walk(roots: roots, options: options, push: push)
        }, process: { task, worker in
            Self.scanFile(task, maxFileSize: options.maxFileSize, worker: &worker)
        })
        var statistics = walkerStatistics
        statistics.merge(outcome.statistics)
        statistics.threads = options.threads
        statistics.normalize()
        statistics.durationMilliseconds = Self.milliseconds(since: clock)
        return ScanResult(matches: outcome.matches, statistics: statistics)
    }

    /// Scans standard input as one blob named `<stdin>`; more than the file-size limit is a
    /// counted skip with a warning, read no further.
    public func scanStandardInput() -> ScanResult {
        let name = "<stdin>"
        guard let bytes = StandardInput.read(limit: options.maxFileSize) else {
            var statistics = ScanStatistics()
            statistics.skip(.tooLarge, path: name, message: "larger than \(options.maxFileSize) bytes")
            statistics.warnings.append(ScanWarning(path: name, reason: .tooLarge,
                                                   message: "more than \(options.maxFileSize) bytes: not scanned (see --max-file-size)"))
            return ScanResult(matches: [], statistics: statistics)
        }
        return scan(bytes: bytes, name: name)
    }

    /// Scans one buffer as a blob named `name`.
    public func scan(bytes: [UInt8], name: String) -> ScanResult {
        let clock = ContinuousClock.now
        var outcome = WorkerOutcome()
        let matcher = Matcher(ruleSet: ruleSet, suppress: options.suppress)
        bytes.withUnsafeBytes { outcome.record(matcher.scan($0), path: name, size: bytes.count) }
        var statistics = outcome.statistics
        statistics.durationMilliseconds = Self.milliseconds(since: clock)
        return ScanResult(matches: outcome.matches, statistics: statistics)
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
                statistics.skip(.specialFile, path: root, message: "not a regular file or folder")
            case .directory, .vanished, .loop:
                walker.walk(root: root, emit: emit, skip: { reason, path, message in
                    statistics.skip(reason, path: path, message: message)
                })
            }
        }
        if !batch.isEmpty { push(batch) }
        return statistics
    }

    /// A worker reads one file into its reusable buffer and matches it.
    private static func scanFile(_ task: FileTask, maxFileSize: Int, worker: inout ScanPool<FileTask>.Worker) {
        let reader = worker.fileReader ?? FileReader(maxFileSize: maxFileSize)
        worker.fileReader = reader
        switch reader.read(task.path) {
        case .skipped(let reason, let message):
            worker.outcome.statistics.skip(reason, path: task.displayPath, message: message)
        case .bytes(let bytes):
            worker.outcome.record(worker.matcher.scan(bytes), path: task.displayPath, size: bytes.count)
        }
    }

    static func milliseconds(since start: ContinuousClock.Instant) -> Int {
        let elapsed = ContinuousClock.now - start
        return Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
    }
}
