/// Groups matches into findings: one per fingerprint, attributed to the most specific rule.
public enum FindingGrouper {
    /// `secretsAtHead`, for history scans, sets each finding's `presentAtHead`; fingerprints are
    /// HMACs under `key`.
    public static func group(_ matches: [Match], rules: [Rule], key: FingerprintKey, secretsAtHead: Set<[UInt8]>? = nil) -> [Finding] {
        var fingerprintOf: [[UInt8]: String] = [:]
        var bySecret: [String: [Match]] = [:]
        for match in matches {
            let fingerprint = fingerprintOf[match.secret] ?? Fingerprint.of(secret: match.secret, key: key)
            fingerprintOf[match.secret] = fingerprint
            bySecret[fingerprint, default: []].append(match)
        }
        let findings = bySecret.map { fingerprint, matches -> Finding in
            let ruleIndices = Set(matches.map(\.ruleIndex))
            let best = ruleIndices.map { rules[$0] }.min(by: moreSpecific) ?? rules[matches[0].ruleIndex]
            return Finding(
                fingerprint: fingerprint,
                rule: best,
                ruleIDs: ruleIndices.map { rules[$0].id }.sorted(),
                secret: matches[0].secret,
                entropy: matches[0].entropy,
                locations: Set(matches.map(\.location)).sorted(),
                presentAtHead: secretsAtHead.map { $0.contains(matches[0].secret) }
            )
        }
        return findings.sorted(by: reportOrder)
    }

    /// Specific rules before generic ones, then the more severe, then by id for determinism.
    static func moreSpecific(_ lhs: Rule, _ rhs: Rule) -> Bool {
        if lhs.isGeneric != rhs.isGeneric { return !lhs.isGeneric }
        if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
        return lhs.id < rhs.id
    }

    /// By first location, then fingerprint: stable whatever the order the matches arrived in.
    static func reportOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        if let left = lhs.locations.first, let right = rhs.locations.first, left != right { return left < right }
        return lhs.fingerprint < rhs.fingerprint
    }
}
