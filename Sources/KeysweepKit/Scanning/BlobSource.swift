import Synchronization

/// An input the scan pool reads: files and folders, standard input, a dump, git history, a staged
/// change, a container image. It lists work items on the producer thread, and a worker turns each
/// item into bytes for `ScanWorker`, which matches them, opening any archive among them: so
/// archives need no source of their own and nest in every input alike.
///
/// What differs between inputs after matching (history provenance, an image's layers) stays
/// with the input's scanner; the clock, the merge of worker and producer statistics and their
/// order are `ScanPool.scan`'s, once for all.
protocol BlobSource: Sendable {
    associatedtype Item: Sendable

    /// Pushes the items in batches; returns the statistics of what was left out while listing
    /// them. Throws when the input cannot be read at all.
    func produce(push: @escaping @Sendable ([Item]) -> Void) throws(KeysweepError) -> ScanStatistics

    /// Reads one item and hands its bytes to `worker`.
    func scan(_ item: Item, worker: inout ScanWorker)
}

extension ScanPool {
    /// Scans every item of `source` on the pool: the matches, and the producer's and workers'
    /// statistics merged and sorted. `afterEach` runs on the worker after each item (history
    /// starts its provenance at the first match). Throws what `produce` threw.
    func scan<Source: BlobSource>(_ source: Source, afterEach: (@Sendable (inout ScanWorker) -> Void)? = nil)
        throws(KeysweepError) -> ScanResult where Source.Item == Item {
        let failure = Mutex<KeysweepError?>(nil)
        let (outcome, produced) = run(produce: { push in
            do throws(KeysweepError) {
                return try source.produce(push: push)
            } catch {
                failure.withLock { $0 = error }
                return ScanStatistics()
            }
        }, process: { item, worker in
            source.scan(item, worker: &worker)
            afterEach?(&worker)
        })
        if let error = failure.withLock({ $0 }) { throw error }
        var statistics = produced
        statistics.merge(outcome.statistics)
        statistics.threads = threads
        statistics.normalize()
        var result = ScanResult(matches: outcome.matches, statistics: statistics)
        result.unplaced = outcome.unplaced
        return result
    }
}
