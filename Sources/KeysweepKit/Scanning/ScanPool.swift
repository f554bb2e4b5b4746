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
    /// Threads, limits, and what the workers report and measure (progress, `--rule-stats`,
    /// `--whole-blobs`).
    let options: ScanOptions
    var threads: Int { options.threads }
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
        let options = self.options
        let progress = options.progress
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            let matcher = Matcher(ruleSet: ruleSet, suppress: options.suppress, compilesJIT: options.compilesJIT)
            var worker = Worker(matcher: matcher, options: options)
            worker.matcher.measuresRules = options.measuresRules
            worker.matcher.usesStartWindows = !options.matchesWholeBlobs
            var told = (objects: 0, bytes: 0)
            while let batch = queue.pop() {
                for item in batch { process(item, &worker) }
                if let progress {
                    let scanned = worker.outcome.statistics
                    progress.add(objects: scanned.filesScanned - told.objects, bytes: scanned.bytesScanned - told.bytes)
                    told = (scanned.filesScanned, scanned.bytesScanned)
                }
            }
            var outcome = worker.outcome
            for (index, cost) in worker.matcher.ruleCosts.enumerated() where cost.blobs > 0 {
                outcome.statistics.ruleCosts[ruleSet.rules[index].rule.id, default: RuleCost()].add(cost)
            }
            outcomes.withLock { $0.append(outcome) }
        }
        producerDone.wait()
        var merged = WorkerOutcome()
        for outcome in outcomes.withLock({ $0 }) { merged.merge(outcome) }
        return (merged, producerStatistics.withLock { $0 })
    }

    typealias Worker = ScanWorker
}

/// What one worker found; merged after all workers finish.
struct WorkerOutcome: Sendable {
    var matches: [Match] = []
    /// Matches in blobs of history or of a dump, for provenance to place.
    var unplaced: [UnplacedMatch] = []
    var statistics = ScanStatistics()

    /// Records what matching one blob gave; `member` is the part of `path` inside the file or
    /// blob that was read (`!conf.jar!app.properties`), empty for the file or blob itself. The
    /// matches of a blob with an `origin` are kept unplaced.
    mutating func record(_ scan: BlobScan, path: String, size: Int, member: String = "", origin: BlobOrigin? = nil) {
        statistics.filesScanned += 1
        statistics.bytesScanned += size
        if var origin {
            origin.member = member
            unplaced += scan.matches.map { UnplacedMatch(match: $0, origin: origin) }
        } else {
            matches += scan.matches.map { Match($0, path: path, member: member) }
        }
        statistics.count(scan, path: path)
    }

    mutating func merge(_ other: WorkerOutcome) {
        matches += other.matches
        unplaced += other.unplaced
        statistics.merge(other.statistics)
    }
}
