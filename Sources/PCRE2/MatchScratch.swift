import CPCRE2

/// Per-thread PCRE2 state: match data (the ovector), a match context with limits, and a JIT stack.
///
/// One owner only: a worker creates its own scratch and never shares it, so this type is not
/// `Sendable`. The limits are what keeps a catastrophic pattern on a hostile file from hanging a scan.
public final class MatchScratch {
    let matchData: OpaquePointer
    let matchContext: OpaquePointer
    private let jitStack: OpaquePointer?
    let pairCount: Int
    /// Whether the match context holds a start limit (see `Pattern.firstMatch`).
    var startLimitIsSet = false
    /// `PCRE2_UNSET` (all bits set), which Swift does not import: no start limit.
    static let noStartLimit = -1

    public struct Limits: Sendable {
        public var match: UInt32
        public var depth: UInt32
        public var heapKiB: UInt32

        public init(match: UInt32 = 5_000_000, depth: UInt32 = 100_000, heapKiB: UInt32 = 64 * 1024) {
            self.match = match
            self.depth = depth
            self.heapKiB = heapKiB
        }
    }

    public init(limits: Limits = Limits(), pairCount: Int = 64) {
        self.pairCount = pairCount
        guard let matchData = pcre2_match_data_create_8(UInt32(pairCount), nil),
              let matchContext = pcre2_match_context_create_8(nil)
        else { preconditionFailure("PCRE2 could not allocate match data: out of memory") }
        self.matchData = matchData
        self.matchContext = matchContext
        pcre2_set_match_limit_8(matchContext, limits.match)
        pcre2_set_depth_limit_8(matchContext, limits.depth)
        pcre2_set_heap_limit_8(matchContext, limits.heapKiB)
        jitStack = pcre2_jit_stack_create_8(32 * 1024, 1024 * 1024, nil)
        if let jitStack {
            pcre2_jit_stack_assign_8(matchContext, nil, UnsafeMutableRawPointer(jitStack))
        }
    }

    deinit {
        if let jitStack { pcre2_jit_stack_free_8(jitStack) }
        pcre2_match_context_free_8(matchContext)
        pcre2_match_data_free_8(matchData)
    }
}
