/// How a scan walks and reads its inputs.
public struct ScanOptions: Sendable {
    /// Worker threads; each owns a matcher.
    public var threads: Int
    /// Files larger than this many bytes are skipped (and counted).
    public var maxFileSize: Int
    public var followSymlinks: Bool
    public var include: [Glob]
    public var exclude: [Glob]
    /// False keeps what inline comments and the generic-density rule would hide.
    public var suppress: Bool
    /// Which archives are opened and how far (`--archive-depth`).
    public var archives: ArchiveLimits
    /// Where the scan tells how far it has come, if anyone is watching.
    public var progress: ScanProgress?
    /// Whether each rule's pattern is timed (`--rule-stats`).
    public var measuresRules = false
    /// Whether every pattern runs over whole blobs, as before start windows (`--whole-blobs`).
    public var matchesWholeBlobs = false
    /// Whether patterns are JIT compiled: false for a scan of little input known up front (a
    /// staged change), where PCRE2's interpreter matches it in less time than JIT compiling the
    /// twenty-odd patterns its keywords select would take.
    public var compilesJIT = true

    public init(threads: Int, maxFileSize: Int = 10 * 1024 * 1024, followSymlinks: Bool = false,
                include: [Glob] = [], exclude: [Glob] = [], suppress: Bool = true, archives: ArchiveLimits = ArchiveLimits()) {
        self.threads = max(1, threads)
        self.maxFileSize = maxFileSize
        self.followSymlinks = followSymlinks
        self.include = include
        self.exclude = exclude
        self.suppress = suppress
        self.archives = archives
    }
}

/// The matches of a scan and its statistics; findings are built from these.
public struct ScanResult: Sendable {
    public var matches: [Match]
    /// Matches in blobs of history or of a dump, until their scanner places them in `matches`.
    var unplaced: [UnplacedMatch] = []
    public var statistics: ScanStatistics
    /// For history scans: the secrets found in blobs that are in the tree at HEAD.
    public var secretsAtHead: Set<[UInt8]>?
    /// Damage that ended the input early (a truncated dump): reported after the report is written.
    public var damage: KeysweepError?
    /// Advice for the person running the scan (see `ScanNote`).
    public var notes: [ScanNote] = []
    /// What a history scan read that its enrichment needs too.
    var history = HistoryFacts()
    /// The checksums of the packs a history scan read, still being worked out: awaited by the
    /// session once findings are enriched (see `PackChecksums`).
    var packChecksums: PackChecksums?

    public init(matches: [Match], statistics: ScanStatistics, secretsAtHead: Set<[UInt8]>? = nil) {
        self.matches = matches
        self.statistics = statistics
        self.secretsAtHead = secretsAtHead
    }
}
