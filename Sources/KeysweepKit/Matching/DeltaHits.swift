/// The keyword hits of a blob that a pack stores as a delta, worked out from its base's hits
/// instead of walking all its bytes: most of a history's blob bytes are copies of their base.
///
/// A keyword occurrence inside a run the delta copies is where the base had it, moved by the
/// run's offset. Only the bytes the delta inserts, and a keyword's length around the edges of each
/// copied run, are walked: there an occurrence may cross from one run into the next, or begin in
/// bytes the base did not have there. The rules each offset reports are then those a walk of the
/// whole blob reports (see `derive`), so rule selection and `Matcher`'s start windows are the same.
enum DeltaHits {
    /// The hits of `target`, rebuilt by `copies` from a base whose hits are `baseHits` (sorted by
    /// end, as the result is), and how many bytes were walked.
    ///
    /// Why this is exact, with `k` the longest keyword: a walk of the whole target ends each
    /// occurrence at `p` in the state of the longest keyword prefix that ends there, `s` bytes
    /// long (`s ≤ k`). If those bytes lie inside one copied run, the base's walk ended at the
    /// matching offset in a state at least as long, and whichever of its recorded states fit
    /// inside the run are carried over: they report a subset of what `p` reports, and together all
    /// of it once `p` is `k` or more bytes into the run. Every other `p` (in an inserted stretch, or
    /// less than `k` bytes into a run) is walked here from `k` bytes before it, far enough back to
    /// reach the same state. A walk begun closer reports only a subset. So each offset reports the
    /// same rules; hits may repeat, which `Matcher` tolerates.
    static func derive(from baseHits: [KeywordHit], copies: [DeltaCopy], target: UnsafeRawBufferPointer,
                       prefilter: KeywordPrefilter) -> (hits: [KeywordHit], walked: Int) {
        let k = max(1, prefilter.longestKeyword)
        let size = target.count
        var carried: [KeywordHit] = []
        var walks: [Range<Int>] = []
        func walk(_ range: Range<Int>) {
            let range = max(0, range.lowerBound)..<min(size, range.upperBound)
            guard !range.isEmpty else { return }
            if let last = walks.last, range.lowerBound <= last.upperBound {
                walks[walks.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                walks.append(range)
            }
        }
        var cursor = 0
        for copy in copies {
            // Inserted bytes before this run: every occurrence ending in them.
            if copy.target > cursor { walk((cursor - k)..<copy.target) }
            // Occurrences ending within `k` bytes into the run may begin before it.
            walk((copy.target - k)..<min(copy.target + k, copy.target + copy.count))
            var index = firstIndex(in: baseHits, endingAfter: copy.base)
            while index < baseHits.count, baseHits[index].end <= copy.base + copy.count {
                let hit = baseHits[index]
                if prefilter.start(of: hit) >= copy.base {
                    carried.append(KeywordHit(end: hit.end - copy.base + copy.target, output: hit.output))
                }
                index += 1
            }
            cursor = copy.target + copy.count
        }
        if cursor < size { walk((cursor - k)..<size) }
        var walked: [KeywordHit] = []
        prefilter.hits(in: walks, of: target, into: &walked)
        return (merged(carried, walked), walks.reduce(0) { $0 + $1.count })
    }

    /// The first index of `hits` (sorted by end) whose end is past `offset`.
    private static func firstIndex(in hits: [KeywordHit], endingAfter offset: Int) -> Int {
        var low = 0, high = hits.count
        while low < high {
            let middle = (low + high) / 2
            if hits[middle].end <= offset { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Two lists sorted by end, as one.
    private static func merged(_ left: [KeywordHit], _ right: [KeywordHit]) -> [KeywordHit] {
        if left.isEmpty { return right }
        if right.isEmpty { return left }
        var result: [KeywordHit] = []
        result.reserveCapacity(left.count + right.count)
        var i = 0, j = 0
        while i < left.count, j < right.count {
            if left[i].end <= right[j].end { result.append(left[i]); i += 1 } else { result.append(right[j]); j += 1 }
        }
        result += left[i...]
        result += right[j...]
        return result
    }
}
