#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Scans a git object dump (see `DumpBlobSource`) on the `ScanPool`, then gives fast-export
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
        let descriptor = path == "-" ? STDIN_FILENO : try SystemCall.openStream(path, what: "dump")
        defer { if path != "-" { close(descriptor) } }
        let name = path == "-" ? "<stdin>" : path
        let source = DumpBlobSource(name: name, descriptor: descriptor, maxFileSize: options.maxFileSize)
        var result = try ScanPool<GitBlob>(ruleSet: ruleSet, options: options).scan(source)
        let (introductions, damage) = source.gathered.state.withLock { $0 }
        // A fast-export stream's introductions are by mark, the path its blobs are read at; a
        // cat-file dump has none, and its blobs stay at their ids.
        result.matches = result.unplaced.flatMap { $0.placed(by: introductions[$0.origin.path] ?? []) }
        result.unplaced = []
        result.damage = damage.map { KeysweepError(.damagedInput, $0.description, underlying: $0) }
        // A warning, not an error: a FIFO whose writer had nothing to send is an empty dump by
        // design (exit 0), but an empty file is more often a dump that was never written.
        if damage == nil && result.statistics.filesScanned == 0 && result.statistics.skipped.isEmpty {
            result.notes.append(ScanNote(.warning, "the dump '\(name)' holds no blobs (is it empty?), so nothing was scanned; make one with "
                                         + "`git cat-file --batch --batch-all-objects` or `git fast-export --all`"))
        }
        return result
    }
}
