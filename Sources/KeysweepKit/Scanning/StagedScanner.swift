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

    /// Below this many staged bytes, patterns run in PCRE2's interpreter (`ScanOptions.compilesJIT`):
    /// a pre-commit hook's three small files took 2 ms less that way, and a change of 1 MiB still
    /// matches in a few milliseconds.
    static let interpretedBelow = 1 << 20

    /// Scans a change already read, so that a session reads it while the rules are built.
    func scan(_ changes: StagedChanges) throws(KeysweepError) -> ScanResult {
        // A staged change is a handful of files: one worker is enough.
        var single = options
        single.threads = 1
        single.compilesJIT = changes.files.reduce(0) { $0 + $1.bytes.count } >= Self.interpretedBelow
        return try ScanPool<StagedChanges.File>(ruleSet: ruleSet, options: single).scan(StagedSource(changes: changes))
    }
}
