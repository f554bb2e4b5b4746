/// What one rule's pattern cost during a scan, for `--rule-stats`: the time spent in PCRE2, how
/// many blobs the prefilter gave it, and the bytes it could start a match in (whole blobs, or only
/// the stretches before its keywords when it has a reach; see `PatternReach`).
public struct RuleCost: Sendable, Equatable {
    public var nanoseconds: UInt64 = 0
    public var blobs = 0
    public var searchedBytes = 0
    /// Whether the rule is matched near its keywords only.
    public var nearKeywords = false

    public init() {}

    mutating func add(_ other: RuleCost) {
        nanoseconds += other.nanoseconds
        blobs += other.blobs
        searchedBytes += other.searchedBytes
        nearKeywords = nearKeywords || other.nearKeywords
    }
}
