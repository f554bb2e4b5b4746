/// Where a rule's matches can start in a blob, from where its keywords occur (see `PatternReach`).
extension Matcher {
    /// Groups the blob's keyword hits by rule: `hitEnds[rule]` lists where its keywords (or its
    /// anchors, if it has them) end.
    func noteHitEnds() {
        for rule in rulesWithHitEnds { hitEnds[rule].removeAll(keepingCapacity: true) }
        rulesWithHitEnds.removeAll(keepingCapacity: true)
        for hit in hits {
            for group in ruleSet.prefilter.rules(of: hit) {
                // A rule with anchors starts only near them; its keywords only selected it.
                let rule = group >= ruleSet.anchorBase ? group - ruleSet.anchorBase : group
                guard rule < ruleSet.rules.count, group >= ruleSet.anchorBase || !ruleSet.anchored[rule] else { continue }
                noteHitEnd(hit.end, of: rule)
            }
        }
    }

    /// Notes that a keyword of `rule` ends at `end`; `rulesWithHitEnds` lists the rules noted,
    /// whose lists the next blob's `noteHitEnds` empties.
    func noteHitEnd(_ end: Int, of rule: Int) {
        if hitEnds[rule].isEmpty { rulesWithHitEnds.append(rule) }
        hitEnds[rule].append(end)
    }

    /// The offsets at which a match of rule `index` can start: a match holds one of its keywords
    /// and is at most `reach` bytes long, so it starts at most `reach` bytes before a keyword ends
    /// (see `PatternReach`). Ascending, disjoint ranges.
    func startWindows(of index: Int, reach: Int) -> [ClosedRange<Int>] {
        var windows: [ClosedRange<Int>] = []
        for end in hitEnds[index].sorted() {
            let low = max(0, end - reach)
            if let last = windows.last, low <= last.upperBound + 1 {
                windows[windows.count - 1] = last.lowerBound...max(last.upperBound, end)
            } else {
                windows.append(low...end)
            }
        }
        return windows
    }
}
