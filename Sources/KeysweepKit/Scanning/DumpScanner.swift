import Foundation
import Synchronization

/// Scans a git object dump (see `ObjectDumpSource`) on the `ScanPool`, then gives fast-export
/// blobs the commits and paths that introduced them.
public struct DumpScanner: Sendable {
    public let ruleSet: RuleSet
    public let options: ScanOptions

    public init(ruleSet: RuleSet, options: ScanOptions) {
        self.ruleSet = ruleSet
        self.options = options
    }

    /// Scans `path` (`-` for standard input). A damaged dump still yields the matches found before
    /// the damage, with `ScanResult.damage` saying where it is.
    public func scan(path: String) throws(KeysweepError) -> ScanResult {
        let clock = ContinuousClock.now
        let descriptor = path == "-" ? STDIN_FILENO : try SystemCall.openStream(path, what: "dump")
        defer { if path != "-" { close(descriptor) } }
        let name = path == "-" ? "<stdin>" : path
        let maxFileSize = options.maxFileSize
        let gathered = Mutex<(introductions: BlobIntroductions, damage: DumpError?)>(([:], nil))
        let pool = ScanPool<GitBlob>(ruleSet: ruleSet, options: options)
        let (outcome, sourceStatistics) = pool.run(produce: { push in
            var source = ObjectDumpSource(name: name, fileDescriptor: descriptor, maxFileSize: maxFileSize)
            let (statistics, damage) = source.produce(push: push)
            let introductions = source.introductions
            gathered.withLock { $0 = (introductions, damage) }
            return statistics
        }, process: { blob, worker in
            worker.scan(blob)
        })
        let (introductions, damage) = gathered.withLock { $0 }
        let matches = outcome.matches.attributed(to: introductions)
        var statistics = sourceStatistics
        statistics.merge(outcome.statistics)
        statistics.threads = options.threads
        statistics.normalize()
        statistics.durationMilliseconds = DirectoryScanner.milliseconds(since: clock)
        var result = ScanResult(matches: matches, statistics: statistics)
        result.damage = damage.map { KeysweepError($0.description) }
        // A warning, not an error: a FIFO whose writer had nothing to send is an empty dump by
        // design (exit 0), but an empty file is more often a dump that was never written.
        if damage == nil && statistics.filesScanned == 0 && statistics.skipped.isEmpty {
            result.notes.append(ScanNote(.warning, "the dump '\(name)' holds no blobs (is it empty?), so nothing was scanned; make one with "
                                         + "`git cat-file --batch --batch-all-objects` or `git fast-export --all`"))
        }
        return result
    }
}
