/// Puts the parts of one credential, found by several rules in one blob, together: an AWS key id
/// with its secret key and session token, a Twilio account SID with its auth token, an Entra ID
/// tenant and client id with the client secret, a host and user with a password.
///
/// Parts pair when their rules name the same `credential` and they are close: each part within
/// `maximumGap` lines of the previous one (a settings block, a profile, a call's arguments). A
/// part whose name the credential already has starts the next one (a second profile). A credential
/// with no secret part takes a `generic.*` secret within the gap (`secret_key = …` beside an AWS
/// key id is matched by the generic rule only). Parts that are no secret on their own (rules with
/// `alone: false`) are dropped when nothing they belong to was found.
enum CredentialAssembler {
    static let maximumGap = 2

    /// One credential: the part that identifies it (its first secret part, see
    /// `CredentialPartName`) and every other part.
    struct Assembly {
        var primary: Candidate
        var parts: [(name: CredentialPartName, candidate: Candidate)]
    }

    static func assemble(_ candidates: [Candidate], rules: [Rule]) -> [Assembly] {
        var groups: [[Candidate]] = []
        var loose: [Candidate] = []
        var byCredential: [String: [Candidate]] = [:]
        for candidate in candidates {
            let rule = rules[candidate.rule]
            if let credential = rule.credential, !rule.isGeneric {
                byCredential[credential, default: []].append(candidate)
            } else {
                loose.append(candidate)
            }
        }
        for credential in byCredential.keys.sorted() {
            groups += chains(byCredential[credential]!, rules: rules)
        }
        // Generic secrets complete credentials that lack one (a password beside a host and user,
        // `secret_key = …` beside an AWS key id); the rest stand alone.
        var assemblies: [Assembly] = []
        for candidate in loose.sorted(by: byPosition) {
            // Only a generic secret: a private key or a token of another kind is its own finding,
            // not the missing secret of a host and user that happen to be beside it.
            if rules[candidate.rule].isGeneric, let index = groups.firstIndex(where: { group in
                !group.contains { rules[$0.rule].partName.isSecret && rules[$0.rule].isReportedAlone }
                    && group.contains { abs($0.line - candidate.line) <= maximumGap }
            }) {
                groups[index].append(candidate)
            } else {
                assemblies.append(Assembly(primary: candidate, parts: []))
            }
        }
        assemblies += groups.compactMap { assembly(of: $0, rules: rules) }
        return assemblies.filter { rules[$0.primary.rule].isReportedAlone }
    }

    /// Splits one credential's candidates into runs of close, distinct parts.
    private static func chains(_ candidates: [Candidate], rules: [Rule]) -> [[Candidate]] {
        var chains: [[Candidate]] = []
        var current: [Candidate] = []
        for candidate in candidates.sorted(by: byPosition) {
            let name = rules[candidate.rule].partName
            if let last = current.last,
               candidate.line - last.line <= maximumGap, !current.contains(where: { rules[$0.rule].partName == name }) {
                current.append(candidate)
            } else {
                if !current.isEmpty { chains.append(current) }
                current = [candidate]
            }
        }
        if !current.isEmpty { chains.append(current) }
        return chains
    }

    /// The group as one credential, its reportable parts first.
    private static func assembly(of group: [Candidate], rules: [Rule]) -> Assembly? {
        guard !group.isEmpty else { return nil }
        let ordered = group.sorted { lhs, rhs in
            let (left, right) = (rules[lhs.rule], rules[rhs.rule])
            if left.isReportedAlone != right.isReportedAlone { return left.isReportedAlone }
            if left.partName != right.partName { return left.partName < right.partName }
            return byPosition(lhs, rhs)
        }
        let primary = ordered[0]
        let parts = ordered.dropFirst().map { (name: rules[$0.rule].partName, candidate: $0) }
        return Assembly(primary: primary, parts: parts.sorted { ($0.name, $0.candidate.span.lowerBound) < ($1.name, $1.candidate.span.lowerBound) })
    }

    private static func byPosition(_ lhs: Candidate, _ rhs: Candidate) -> Bool {
        (lhs.span.lowerBound, lhs.rule) < (rhs.span.lowerBound, rhs.rule)
    }
}
