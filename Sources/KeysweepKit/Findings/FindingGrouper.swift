/// Groups matches into findings: one per fingerprint, attributed to the most specific rule.
///
/// A match that carries the other parts of its credential (see `CredentialAssembler`) gives one
/// finding with every part named; its fingerprint is that of the secret that identifies it, the
/// same as when that secret was found alone, so baselines keep holding. Each location gets its
/// context here, once history provenance has given it its final path; a finding only in test or
/// documentation material is at most `low`.
public enum FindingGrouper {
    /// `secretsAtHead`, for history scans, sets each finding's `presentAtHead`; fingerprints are
    /// HMACs under `key`. Contexts are judged from paths below `roots` (the folders a scan was
    /// given): scanning `fixtures/tree` makes nothing a fixture, only what is inside it.
    public static func group(_ matches: [Match], rules: [Rule], key: FingerprintKey, secretsAtHead: Set<[UInt8]>? = nil,
                             roots: [String] = []) -> [Finding] {
        let judge = ContextJudge(roots: roots)
        var fingerprintOf: [[UInt8]: String] = [:]
        var bySecret: [String: [Match]] = [:]
        for match in matches {
            let fingerprint = fingerprintOf[match.secret] ?? Fingerprint.of(secret: match.secret, key: key)
            fingerprintOf[match.secret] = fingerprint
            bySecret[fingerprint, default: []].append(match)
        }
        let findings = bySecret.map { fingerprint, matches -> Finding in
            let partRules = matches.flatMap { $0.parts.map(\.ruleIndex) }.filter { rules[$0].isReportedAlone }
            let ruleIndices = Set(matches.map(\.ruleIndex) + partRules)
            let best = ruleIndices.map { rules[$0] }.min(by: moreSpecific) ?? rules[matches[0].ruleIndex]
            var finding = Finding(
                fingerprint: fingerprint,
                rule: best,
                ruleIDs: Set(ruleIndices.map { rules[$0].id } + matches.flatMap { $0.parts.map { rules[$0.ruleIndex].id } }
                    + matches.flatMap { $0.yieldedRules.map { rules[$0].id } }).sorted(),
                secret: matches[0].secret,
                entropy: matches[0].entropy,
                locations: Set(matches.map { judge.located($0.location, secret: $0.secret) }).sorted(),
                presentAtHead: secretsAtHead.map { $0.contains(matches[0].secret) }
            )
            finding.parts = parts(of: matches, rules: rules, judge: judge)
            finding.rejected = matches.allSatisfy(\.rejected)
            if finding.isOnlyInTestMaterial { finding.severity = min(finding.severity, .low) }
            return finding
        }
        return findings.sorted(by: reportOrder)
    }

    /// Every part of the credential, the identifying secret among them; none when no match has
    /// other parts.
    static func parts(of matches: [Match], rules: [Rule], judge: ContextJudge = ContextJudge(roots: [])) -> [CredentialPart] {
        guard matches.contains(where: { !$0.parts.isEmpty }) else { return [] }
        struct Key: Hashable { let name: CredentialPartName, secret: [UInt8] }
        var rulesOf: [Key: Set<Int>] = [:]
        var locationsOf: [Key: Set<Location>] = [:]
        for match in matches {
            let own = Key(name: rules[match.ruleIndex].partName, secret: match.secret)
            rulesOf[own, default: []].insert(match.ruleIndex)
            locationsOf[own, default: []].insert(judge.located(match.location, secret: match.secret))
            for part in match.parts {
                var location = match.location
                location.start = part.start
                location.end = part.end
                location.lineContext = part.lineContext
                location.encoding = nil
                let key = Key(name: part.name, secret: part.secret)
                rulesOf[key, default: []].insert(part.ruleIndex)
                locationsOf[key, default: []].insert(judge.located(location, secret: part.secret))
            }
        }
        return locationsOf.map { key, locations in
            let rule = rulesOf[key, default: []].map { rules[$0] }.min(by: moreSpecific)!
            return CredentialPart(name: key.name, rule: rule, secret: key.secret, locations: locations.sorted())
        }.sorted { lhs, rhs in
            if lhs.name != rhs.name { return lhs.name < rhs.name }
            if lhs.locations.first != rhs.locations.first, let left = lhs.locations.first, let right = rhs.locations.first { return left < right }
            return lhs.secret.lexicographicallyPrecedes(rhs.secret)
        }
    }

    /// Rules reported alone before companions, specific rules before generic ones, then the more
    /// severe, then by id for determinism.
    static func moreSpecific(_ lhs: Rule, _ rhs: Rule) -> Bool {
        if lhs.isReportedAlone != rhs.isReportedAlone { return lhs.isReportedAlone }
        if lhs.isGeneric != rhs.isGeneric { return !lhs.isGeneric }
        if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
        return lhs.id < rhs.id
    }

    /// By first location, then fingerprint: stable whatever the order the matches arrived in.
    static func reportOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        // Two findings may start at one place and differ in what `<` does not order by (a Secret's
        // value read as its base64 text by one rule and decoded by another): unequal but unordered,
        // they are ordered by fingerprint, or the sort would follow the order they arrived in.
        if let left = lhs.locations.first, let right = rhs.locations.first {
            if left < right { return true }
            if right < left { return false }
        }
        return lhs.fingerprint < rhs.fingerprint
    }
}
