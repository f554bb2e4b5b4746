/// Scans a repository's staged change (see `StagedSource`) for pre-commit hooks.
public struct StagedScanner: Sendable {
    public let ruleSet: RuleSet
    public let options: ScanOptions

    public init(ruleSet: RuleSet, options: ScanOptions) {
        self.ruleSet = ruleSet
        self.options = options
    }

    public func scan(_ repository: GitRepository) throws(KeysweepError) -> ScanResult {
        try scan(StagedChanges(repository: repository))
    }

    /// Scans a change already read, so that a session reads it while the rules are built.
    func scan(_ changes: StagedChanges) throws(KeysweepError) -> ScanResult {
        // A staged change is a handful of files: one worker is enough.
        var single = options
        single.threads = 1
        return try ScanPool<StagedChanges.File>(ruleSet: ruleSet, options: single).scan(StagedSource(changes: changes))
    }
}
