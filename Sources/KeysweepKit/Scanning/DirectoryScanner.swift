/// Scans files, folders and streams (see `FileTreeSource`) on the `ScanPool`.
public struct DirectoryScanner: Sendable {
    public let ruleSet: RuleSet
    public let options: ScanOptions

    public init(ruleSet: RuleSet, options: ScanOptions) {
        self.ruleSet = ruleSet
        self.options = options
    }

    /// Scans `roots`: folders and files, and each pipe, FIFO or character device read whole as a
    /// stream under the name it was given, as `scan -` reads standard input. With
    /// `pathsBelowRoot`, paths are shown relative to each root.
    ///
    /// A root that was named but could not be read at all (a file that fails to open or read, a
    /// folder that cannot be listed, a device, a broken link) is `ScanResult.damage`: the report of
    /// the rest is written, then the run fails with exit code 2 naming each such root. A root left
    /// out by policy (binary, larger than --max-file-size) is only counted, as inside a folder:
    /// `keysweep scan *` names binaries too.
    public func scan(roots: [String], pathsBelowRoot: Bool = false) -> ScanResult {
        var source = FileTreeSource(roots: roots.map { .path($0) }, options: options)
        source.pathsBelowRoot = pathsBelowRoot
        var result = scan(source)
        result.damage = Self.unreadRoots(roots, result.statistics)
        return result
    }

    /// Scans standard input as one blob named `<stdin>`.
    public func scanStandardInput() -> ScanResult {
        scan(FileTreeSource(roots: [.standardInput], options: options))
    }

    private func scan(_ source: FileTreeSource) -> ScanResult {
        // A file tree's producer does not throw: what it cannot read is counted.
        (try? ScanPool<FileTreeSource.Item>(ruleSet: ruleSet, options: options).scan(source)) ?? ScanResult(matches: [], statistics: ScanStatistics())
    }

    /// Skips that mean a root was not read at all, as opposed to left out by policy.
    static let failedReadReasons: Set<SkipReason> = [.unreadable, .specialFile, .brokenSymlink, .symlinkLoop]

    /// The error naming every root that could not be read, or nil.
    private static func unreadRoots(_ roots: [String], _ statistics: ScanStatistics) -> KeysweepError? {
        let named = Set(roots)
        let failures = statistics.warnings.filter { named.contains($0.path) && failedReadReasons.contains($0.reason) }
        guard !failures.isEmpty else { return nil }
        let reasons = failures.map { "cannot read '\($0.path)': \($0.message)" }.joined(separator: "; ")
        return KeysweepError(reasons + " (what else was named is scanned and reported; make it readable or leave it out)")
    }

    static func milliseconds(since start: ContinuousClock.Instant) -> Int {
        let elapsed = ContinuousClock.now - start
        return Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
    }
}
