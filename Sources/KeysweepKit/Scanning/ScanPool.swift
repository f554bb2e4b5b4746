import Dispatch
import Synchronization

/// The one scanning engine every input feeds: a producer pushes batches of work into a bounded
/// queue on a Dispatch thread, `threads` workers each own a `Matcher` and process batches, and
/// their outcomes are merged once all are done.
///
/// Inputs differ only in what a work item is (a file path, a git blob) and how a worker turns it
/// into bytes; matching, statistics and backpressure are the same for all of them.
struct ScanPool<Item: Sendable>: Sendable {
    let ruleSet: RuleSet
    let threads: Int
    var suppress = true
    /// Batches the queue holds before the producer blocks.
    var queueCapacity: Int { threads * 4 }

    /// Runs `produce` on its own thread and `process` for each item on the workers. `produce`
    /// returns the statistics of what it enumerated (skipped folders, say).
    func run(
        produce: @escaping @Sendable (_ push: @escaping @Sendable ([Item]) -> Void) -> ScanStatistics,
        process: @escaping @Sendable (_ item: Item, _ worker: inout Worker) -> Void
    ) -> (outcome: WorkerOutcome, producerStatistics: ScanStatistics) {
        let queue = BoundedQueue<[Item]>(capacity: queueCapacity)
        let producerStatistics = Mutex(ScanStatistics())
        let producerDone = DispatchGroup()
        let threads = self.threads
        DispatchQueue.global().async(group: producerDone) {
            let statistics = produce { batch in queue.push(batch) }
            queue.close(consumers: threads)
            producerStatistics.withLock { $0 = statistics }
        }
        let outcomes = Mutex<[WorkerOutcome]>([])
        let ruleSet = self.ruleSet
        let suppress = self.suppress
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            var worker = Worker(matcher: Matcher(ruleSet: ruleSet, suppress: suppress))
            while let batch = queue.pop() {
                for item in batch { process(item, &worker) }
            }
            let outcome = worker.outcome
            outcomes.withLock { $0.append(outcome) }
        }
        producerDone.wait()
        var merged = WorkerOutcome()
        for outcome in outcomes.withLock({ $0 }) { merged.merge(outcome) }
        return (merged, producerStatistics.withLock { $0 })
    }

    /// One worker's matcher and what it has found so far.
    struct Worker {
        let matcher: Matcher
        var outcome = WorkerOutcome()
        /// A reusable read buffer, for inputs that read files.
        var fileReader: FileReader?
    }
}

/// What one worker found; merged after all workers finish.
struct WorkerOutcome: Sendable {
    var matches: [Match] = []
    var statistics = ScanStatistics()

    mutating func record(_ scan: BlobScan, path: String, size: Int, blobID: String? = nil) {
        statistics.filesScanned += 1
        statistics.bytesScanned += size
        matches += scan.matches.map { Match($0, path: path, blobID: blobID) }
        statistics.limitHits += scan.limitHits.map { LimitHitRecord(ruleID: $0.ruleID, path: path, message: $0.message) }
        if scan.suppressedInline > 0 { statistics.suppressed["inline", default: 0] += scan.suppressedInline }
        if scan.suppressedExamples > 0 { statistics.suppressed["example", default: 0] += scan.suppressedExamples }
        statistics.rejectedByValidator.merge(scan.rejectedByValidator, uniquingKeysWith: +)
        if scan.suppressedGenericInDataFile > 0 {
            statistics.suppressed["generic-in-data-file", default: 0] += scan.suppressedGenericInDataFile
        }
    }

    mutating func merge(_ other: WorkerOutcome) {
        matches += other.matches
        statistics.merge(other.statistics)
    }
}
