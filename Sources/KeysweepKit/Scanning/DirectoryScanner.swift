import Dispatch
import Foundation
import Synchronization

/// Scans folder trees and files with a Dispatch worker pool: one producer walks the tree into a
/// bounded queue of file batches, `threads` workers each read and match with their own buffer and
/// matcher, and the results are merged once every worker is done.
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
        let queue = BoundedQueue<[FileTask]>(capacity: options.threads * 4)
        let walkerStatistics = Mutex(ScanStatistics())
        let producerDone = DispatchGroup()
        let options = self.options
        DispatchQueue.global().async(group: producerDone) {
            var walker = DirectoryWalker(followSymlinks: options.followSymlinks, include: options.include, exclude: options.exclude)
            var statistics = ScanStatistics()
            var batch: [FileTask] = []
            for root in roots {
                switch DirectoryWalker.classify(path: root, follow: true) {
                case .file:
                    batch.append(FileTask(path: root, displayPath: root))
                    continue
                case .special, .symlink:
                    statistics.skip(.specialFile, path: root, message: "not a regular file or folder")
                    continue
                case .directory, .vanished:
                    break
                }
                walker.walk(root: root, emit: { task in
                    batch.append(task)
                    if batch.count == Self.batchSize {
                        queue.push(batch)
                        batch.removeAll(keepingCapacity: true)
                    }
                }, skip: { reason, path, message in
                    statistics.skip(reason, path: path, message: message)
                })
            }
            if !batch.isEmpty { queue.push(batch) }
            queue.close(consumers: options.threads)
            walkerStatistics.withLock { $0.merge(statistics) }
        }
        let outcomes = Mutex<[WorkerOutcome]>([])
        DispatchQueue.concurrentPerform(iterations: options.threads) { _ in
            let outcome = work(queue: queue)
            outcomes.withLock { $0.append(outcome) }
        }
        producerDone.wait()
        var statistics = walkerStatistics.withLock { $0 }
        var matches: [Match] = []
        for outcome in outcomes.withLock({ $0 }) {
            statistics.merge(outcome.statistics)
            matches += outcome.matches
        }
        statistics.threads = options.threads
        statistics.normalize()
        statistics.durationMilliseconds = Self.milliseconds(since: clock)
        return ScanResult(matches: matches, statistics: statistics)
    }

    /// Scans one buffer (standard input) as a blob named `name`.
    public func scan(bytes: [UInt8], name: String) -> ScanResult {
        let clock = ContinuousClock.now
        var outcome = WorkerOutcome()
        let matcher = Matcher(ruleSet: ruleSet)
        bytes.withUnsafeBytes { outcome.record(matcher.scan($0), path: name, size: bytes.count) }
        var statistics = outcome.statistics
        statistics.durationMilliseconds = Self.milliseconds(since: clock)
        return ScanResult(matches: outcome.matches, statistics: statistics)
    }

    private func work(queue: BoundedQueue<[FileTask]>) -> WorkerOutcome {
        let matcher = Matcher(ruleSet: ruleSet)
        let reader = FileReader(maxFileSize: options.maxFileSize)
        var outcome = WorkerOutcome()
        while let batch = queue.pop() {
            for task in batch {
                switch reader.read(task.path) {
                case .skipped(let reason, let message):
                    outcome.statistics.skip(reason, path: task.displayPath, message: message)
                case .bytes(let bytes):
                    if FileReader.looksBinary(bytes) {
                        outcome.statistics.skip(.binary, path: task.displayPath, message: "binary file")
                    } else {
                        outcome.record(matcher.scan(bytes), path: task.displayPath, size: bytes.count)
                    }
                }
            }
        }
        return outcome
    }

    static func milliseconds(since start: ContinuousClock.Instant) -> Int {
        let elapsed = ContinuousClock.now - start
        return Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
    }
}

/// What one worker found; merged after all workers finish.
struct WorkerOutcome: Sendable {
    var matches: [Match] = []
    var statistics = ScanStatistics()

    mutating func record(_ scan: BlobScan, path: String, size: Int) {
        statistics.filesScanned += 1
        statistics.bytesScanned += size
        matches += scan.matches.map { Match($0, path: path) }
        statistics.limitHits += scan.limitHits.map { LimitHitRecord(ruleID: $0.ruleID, path: path, message: $0.message) }
        if scan.suppressedInline > 0 { statistics.suppressed["inline", default: 0] += scan.suppressedInline }
        if scan.suppressedGenericInDataFile > 0 {
            statistics.suppressed["generic-in-data-file", default: 0] += scan.suppressedGenericInDataFile
        }
    }
}
