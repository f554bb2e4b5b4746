/// Where a rule's matches can start in a blob, from where its keywords occur (see `PatternReach`).
extension Matcher {
    /// Groups the blob's keyword hits by rule: `hitEnds[rule]` lists where its keywords (or its
    /// anchors, if it has them) end.
    func noteHitEnds() {
        // Worked on in locals: the matcher's arrays changed in place through the class cost an
        // exclusivity and a uniqueness check for every hit, and the prefilter a copy.
        var ends: [[Int]] = []
        var noted: [Int] = []
        swap(&ends, &hitEnds)
        swap(&noted, &rulesWithHitEnds)
        for rule in noted { ends[rule].removeAll(keepingCapacity: true) }
        noted.removeAll(keepingCapacity: true)
        let prefilter = ruleSet.prefilter
        let (anchorBase, ruleCount, anchored) = (ruleSet.anchorBase, ruleSet.rules.count, ruleSet.anchored)
        for hit in hits {
            prefilter.forEachRule(of: hit) { group in
                // A rule with anchors starts only near them; its keywords only selected it.
                let rule = group >= anchorBase ? group - anchorBase : group
                guard rule < ruleCount, group >= anchorBase || !anchored[rule] else { return }
                Self.note(hit.end, of: rule, in: &ends, noted: &noted)
            }
        }
        swap(&ends, &hitEnds)
        swap(&noted, &rulesWithHitEnds)
    }

    /// Notes that a keyword of `rule` ends at `end`; `rulesWithHitEnds` lists the rules noted,
    /// whose lists the next blob's `noteHitEnds` empties.
    func noteHitEnd(_ end: Int, of rule: Int) {
        Self.note(end, of: rule, in: &hitEnds, noted: &rulesWithHitEnds)
    }

    private static func note(_ end: Int, of rule: Int, in ends: inout [[Int]], noted: inout [Int]) {
        if ends[rule].isEmpty { noted.append(rule) }
        ends[rule].append(end)
    }

    /// The offsets at which a match of rule `index` can start: a match holds one of its keywords
    /// and is at most `reach.bytes` long, so it starts at most that far before a keyword ends (see
    /// `PatternReach`); a match that cannot hold a line feed starts on the keyword's line (looked
    /// for when the reach is long).
    /// Ascending, disjoint ranges, added to `windows` (a buffer the matcher reuses: one array a
    /// rule and a blob cost 1% of a history scan's CPU in malloc and free).
    func startWindows(of index: Int, reach: MatchReach, in bytes: UnsafeRawBufferPointer, into windows: inout [ClosedRange<Int>]) {
        // Keywords are noted in the order they end; a companion's, noted later, may not be.
        if !Self.ascends(hitEnds[index]) { hitEnds[index].sort() }
        for end in hitEnds[index] {
            var low = max(0, end - reach.bytes)
            // A short reach is not worth reading its bytes for a line feed. Bytes the last window
            // holds need not be read again: a line feed among them gives a start that joins the
            // window, as its end + 1 does.
            if reach.withinLine, !reach.isShort { low = Self.lineStart(before: end, notBefore: max(low, (windows.last?.upperBound ?? -1) + 1), in: bytes) }
            if let last = windows.last, low <= last.upperBound + 1 {
                windows[windows.count - 1] = last.lowerBound...max(last.upperBound, end)
            } else {
                windows.append(low...end)
            }
        }
    }

    private static func ascends(_ ends: [Int]) -> Bool {
        ends.withUnsafeBufferPointer { ends in
            for index in ends.indices.dropFirst() where ends[index] < ends[index - 1] { return false }
            return true
        }
    }

    /// Where the line that holds the byte before `end` starts, or `floor` if that is later.
    private static func lineStart(before end: Int, notBefore floor: Int, in bytes: UnsafeRawBufferPointer) -> Int {
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return floor }
        var start = min(end, bytes.count)
        // Eight bytes at a time while none is a line feed (a zero byte of `word ^ 0x0A…`), then
        // one at a time.
        while start - 8 >= floor {
            let word = UnsafeRawPointer(base + start - 8).loadUnaligned(as: UInt64.self) ^ 0x0A0A_0A0A_0A0A_0A0A
            if (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0 { break }
            start -= 8
        }
        while start > floor, base[start - 1] != 10 { start -= 1 }
        return start
    }
}
