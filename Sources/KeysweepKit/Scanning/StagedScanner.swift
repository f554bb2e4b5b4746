/// Scans a repository's staged change (see `StagedChanges`) for pre-commit hooks.
public struct StagedScanner: Sendable {
    public let ruleSet: RuleSet
    public let suppress: Bool

    public init(ruleSet: RuleSet, suppress: Bool = true) {
        self.ruleSet = ruleSet
        self.suppress = suppress
    }

    public func scan(_ repository: GitRepository) throws(KeysweepError) -> ScanResult {
        let clock = ContinuousClock.now
        let staged = try StagedChanges(repository: repository)
        // A staged change is a handful of files: one matcher on this thread beats starting a pool.
        let matcher = Matcher(ruleSet: ruleSet, suppress: suppress)
        var outcome = WorkerOutcome()
        for file in staged.files {
            file.bytes.withUnsafeBytes { bytes in
                if FileReader.looksBinary(bytes) {
                    outcome.statistics.skip(.binary, path: file.path, message: "binary file")
                    return
                }
                var scan = matcher.scan(bytes)
                scan.matches.removeAll { !file.touchesAddedLine(from: $0.start.line, to: $0.end.line) }
                outcome.record(scan, path: file.path, size: bytes.count)
            }
        }
        outcome.statistics.durationMilliseconds = DirectoryScanner.milliseconds(since: clock)
        return ScanResult(matches: outcome.matches, statistics: outcome.statistics)
    }
}
