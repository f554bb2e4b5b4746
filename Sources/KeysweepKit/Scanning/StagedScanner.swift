/// Scans a repository's staged change (see `StagedChanges`) for pre-commit hooks.
public struct StagedScanner: Sendable {
    public let ruleSet: RuleSet
    public let options: ScanOptions

    public init(ruleSet: RuleSet, options: ScanOptions) {
        self.ruleSet = ruleSet
        self.options = options
    }

    public func scan(_ repository: GitRepository) throws(KeysweepError) -> ScanResult {
        let clock = ContinuousClock.now
        let staged = try StagedChanges(repository: repository)
        // A staged change is a handful of files: one worker on this thread beats starting a pool.
        var worker = ScanWorker(matcher: Matcher(ruleSet: ruleSet, suppress: options.suppress), options: options)
        for file in staged.files {
            let before = worker.outcome.matches.count
            worker.scan(bytes: file.bytes, path: file.path)
            // Only what touches an added line is reported; an archive's members are all new.
            let added = worker.outcome.matches[before...].filter { match in
                !match.location.member.isEmpty || file.touchesAddedLine(from: match.location.start.line, to: match.location.end.line)
            }
            worker.outcome.matches.replaceSubrange(before..., with: added)
        }
        var statistics = worker.outcome.statistics
        statistics.normalize()
        statistics.durationMilliseconds = DirectoryScanner.milliseconds(since: clock)
        return ScanResult(matches: worker.outcome.matches, statistics: statistics)
    }
}
