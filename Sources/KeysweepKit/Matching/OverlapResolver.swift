/// Where several rules matched overlapping bytes of one blob, keeps one candidate: the most
/// specific rule, with the full span of the secret.
///
/// Rules capture different spans of one token: a Telegram rule the part after the bot id, an Entra
/// ID rule the part after `Q~`, `generic.secret` the whole value. Reported apart they are two
/// findings for one credential, with two fingerprints. The winner is chosen as `FindingGrouper`
/// chooses a finding's rule (reported alone, then specific, then severe, then by id); its span
/// grows to the longest overlapping span that contains it when the added bytes are token
/// characters (so never across quotes, blanks, `/` or `@`: a URL is not one token).
enum OverlapResolver {
    static func resolve(_ candidates: [Candidate], rules: [Rule], bytes: UnsafeRawBufferPointer) -> [Candidate] {
        guard candidates.count > 1 else { return candidates }
        let sorted = candidates.sorted { ($0.span.lowerBound, $0.span.upperBound, $0.rule) < ($1.span.lowerBound, $1.span.upperBound, $1.rule) }
        var resolved: [Candidate] = []
        var cluster: [Candidate] = [sorted[0]]
        var clusterEnd = sorted[0].span.upperBound
        for candidate in sorted.dropFirst() {
            if candidate.span.lowerBound < clusterEnd {
                cluster.append(candidate)
                clusterEnd = max(clusterEnd, candidate.span.upperBound)
            } else {
                resolved.append(winner(of: cluster, rules: rules, bytes: bytes))
                cluster = [candidate]
                clusterEnd = candidate.span.upperBound
            }
        }
        resolved.append(winner(of: cluster, rules: rules, bytes: bytes))
        return resolved
    }

    private static func winner(of cluster: [Candidate], rules: [Rule], bytes: UnsafeRawBufferPointer) -> Candidate {
        guard cluster.count > 1 else { return cluster[0] }
        var best = cluster.min { lhs, rhs in
            lhs.rule == rhs.rule ? lhs.span.count > rhs.span.count : FindingGrouper.moreSpecific(rules[lhs.rule], rules[rhs.rule])
        }!
        let widest = cluster
            .filter { $0.span.lowerBound <= best.span.lowerBound && $0.span.upperBound >= best.span.upperBound }
            .filter { isToken(bytes, $0.span.lowerBound..<best.span.lowerBound) && isToken(bytes, best.span.upperBound..<$0.span.upperBound) }
            .max { $0.span.count < $1.span.count }
        if let widest { best.span = widest.span }
        best.yielded = Set(cluster.flatMap { [$0.rule] + $0.yielded }).subtracting([best.rule]).sorted()
        return best
    }

    private static func isToken(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> Bool {
        range.allSatisfy { index in
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                return true
            default:
                return "_-:.+=~".utf8.contains(byte)
            }
        }
    }
}
