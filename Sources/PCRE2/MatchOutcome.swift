/// What one call to `Pattern.firstMatch` produced.
public enum MatchOutcome: Sendable {
    case match(MatchGroups)
    case noMatch
    /// The match, depth, heap or JIT stack limit was reached: the pattern gave up on this input.
    case limitHit(String)
    /// Any other PCRE2 matching error, with PCRE2's message.
    case failed(String)
}

/// Byte ranges of each capture group of one match; index 0 is the whole match.
public struct MatchGroups: Sendable {
    public let ranges: [Range<Int>?]

    public var whole: Range<Int> { ranges[0] ?? 0..<0 }

    public subscript(group: Int) -> Range<Int>? {
        group < ranges.count ? ranges[group] : nil
    }
}
