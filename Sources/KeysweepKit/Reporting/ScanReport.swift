/// Everything a reporter formats: the findings of one scan, its statistics, and how to show secrets.
public struct ScanReport: Sendable {
    public var findings: [Finding]
    public var statistics: ScanStatistics
    public var ruleCount: Int
    public var redaction: Redaction
    /// When false, the duration is left out so that reports of the same input are byte-identical.
    public var includeTiming: Bool
    /// The exit code a run with findings ends with (`--exit-code`), for SARIF's invocation.
    public var findingsExitCode: Int = 1
    /// The folder report paths are relative to: the current folder, or the repository for git
    /// inputs. SARIF names it `%SRCROOT%`.
    public var sourceRoot = "."
    /// The clock the enrichment judged ages and expiry against.
    public var now: Timestamp?
    /// Whether `now` was given (`--now`) rather than read from the clock: reports without
    /// timing leave a clock reading out, as they leave out the duration.
    public var clockFixed = false
    /// For an inventory of several inputs: their names, as locations carry them.
    public var repositories: [String]?
    /// Whether the text report uses ANSI colours (a terminal that did not opt out).
    public var colour = false
    /// Whether the scan is of staged changes (a pre-commit hook): findings then block a commit,
    /// and the text report says what to do about it.
    public var blocksCommit = false
    /// Wall time of each phase of the run, in order, for `--verbose`.
    public var phases: [(name: String, milliseconds: Int)] = []
    /// The key the fingerprints were made under; reports name its kind and id, never the key.
    public var fingerprintKey: FingerprintKey = .builtin
    /// Why the scan did not cover its whole input (a damaged dump), in words; empty when it did.
    /// Every format says so, so that a partial report is never taken for a clean one.
    public var incomplete: [String] = []
    /// Advice printed on standard error and left out of every format (see `ScanNote`).
    public var notes: [ScanNote] = []

    public var isComplete: Bool { incomplete.isEmpty }

    public init(findings: [Finding], statistics: ScanStatistics, ruleCount: Int, redaction: Redaction, includeTiming: Bool = true) {
        self.findings = findings
        self.statistics = statistics
        self.ruleCount = ruleCount
        self.redaction = redaction
        self.includeTiming = includeTiming
    }

    public var locationCount: Int { findings.reduce(0) { $0 + $1.locations.count } }
}

/// The name and version the reports carry.
public enum KeysweepVersion {
    public static let name = "keysweep"
    public static let current = "0.1.0"
    public static let informationURI = "https://github.com/keysweep/keysweep"
}
