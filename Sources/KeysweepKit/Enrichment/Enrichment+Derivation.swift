extension Enrichment {
    /// One place a secret was found, as the enrichment needs it (from a `Location` or from a
    /// location decoded from a JSON report).
    public struct Place: Sendable, Hashable {
        public var repository: String?
        public var path: String
        public var commit: String?
        /// ISO 8601 author date of the commit.
        public var date: String?
        /// `Name <email>` of the commit's author.
        public var author: String?

        public init(repository: String?, path: String, commit: String?, date: String?, author: String?) {
            self.repository = repository
            self.path = path
            self.commit = commit
            self.date = date
            self.author = author
        }
    }

    /// What the secret's own bytes (and a certificate beside a key) say about its lifetime and kind.
    public struct SecretFacts: Sendable, Hashable {
        public var issuedAt: Timestamp?
        public var expiresAt: Timestamp?
        public var temporary = false
        public var key: PrivateKeyFacts?

        public init(issuedAt: Timestamp? = nil, expiresAt: Timestamp? = nil, temporary: Bool = false, key: PrivateKeyFacts? = nil) {
            self.issuedAt = issuedAt
            self.expiresAt = expiresAt
            self.temporary = temporary
            self.key = key
        }
    }

    /// Thresholds of the risk rules.
    public struct Policy: Sendable, Hashable {
        /// A secret without expiry older than this is long-lived (NHI7).
        public var longLivedDays = 90
        /// A secret valid for longer than this from issue to expiry is long-lived (NHI7).
        public var maximumValidityDays = 365

        public init(longLivedDays: Int = 90) {
            self.longLivedDays = longLivedDays
        }
    }

    /// Derives everything from the places, the secret's facts and the CODEOWNERS candidates, at `now`.
    public init(
        places: [Place], presentAtHead: Bool?, facts: SecretFacts, codeOwners: [Owner],
        branches: [String]?, onlyUnmergedBranches: Bool?, remediation: RemediationAdvice,
        now: Timestamp, policy: Policy, scanRoots: [String] = []
    ) {
        // Judged once a path: a secret in a history has a place per commit that added it.
        let paths = Set(places.map(\.path))
        let environments = Set(paths.flatMap { DeploymentEnvironment.of(path: $0) })
        let services = Set(paths.map { ServiceName.of(path: ServiceName.relative($0, to: scanRoots)) })
        let repositories = Set(places.compactMap(\.repository))
        exposure = Exposure(
            locations: places.count,
            files: Set(places.map { [$0.repository ?? "", $0.path] }).count,
            commits: Set(places.compactMap { place in place.commit.map { [place.repository ?? "", $0] } }).count,
            branches: branches,
            onlyUnmergedBranches: onlyUnmergedBranches,
            repositories: repositories.sorted(),
            services: services.sorted(),
            environments: environments.sorted().map(\.rawValue),
            productionAndNonProduction: environments.contains(.production) && environments.count > 1,
            severalServices: services.count > 1,
            // The same judgement as each location's context (below the scan root: scanning
            // `fixtures/tree` itself makes nothing there a fixture).
            testFixture: !paths.isEmpty && paths.allSatisfy { path in
                [.test, .fixture].contains(LocationContext.of(path: ServiceName.relative(path, to: scanRoots)))
            }
        )
        owners = codeOwners + Self.authors(of: places)

        let dated = places.compactMap { place in place.date.flatMap(Timestamp.init(iso8601:)).map { (place, $0) } }
        let firstSeen = dated.min { $0.1 < $1.1 }?.1
        let lastSeen = dated.max { $0.1 < $1.1 }?.1
        let born = firstSeen ?? facts.issuedAt
        lifetime = Lifetime(
            firstSeen: firstSeen?.description, lastSeen: lastSeen?.description,
            ageDays: born.map { max(0, $0.days(until: now)) },
            issuedAt: facts.issuedAt?.description, expiresAt: facts.expiresAt?.description,
            expired: facts.expiresAt.map { $0 < now }, temporary: facts.temporary
        )
        key = facts.key
        self.remediation = remediation

        var risks: Set<NHIRisk> = [.secretLeakage]
        if let expiry = facts.expiresAt {
            if let issued = facts.issuedAt ?? born, issued.days(until: expiry) > policy.maximumValidityDays { risks.insert(.longLivedSecret) }
        } else if !facts.temporary, let age = lifetime.ageDays, age > policy.longLivedDays {
            risks.insert(.longLivedSecret)
        }
        if exposure.productionAndNonProduction { risks.insert(.environmentIsolation) }
        if exposure.severalServices || repositories.count > 1 { risks.insert(.reuse) }
        self.risks = risks.sorted().map(\.id)
    }

    /// Authors of the commits that introduced the secret: the earliest first, then by how many
    /// places each introduced.
    private static func authors(of places: [Place]) -> [Owner] {
        var counts: [String: Int] = [:]
        var earliest: [String: Timestamp] = [:]
        for place in places {
            guard let author = place.author else { continue }
            counts[author, default: 0] += 1
            if let date = place.date.flatMap(Timestamp.init(iso8601:)), earliest[author].map({ date < $0 }) ?? true {
                earliest[author] = date
            }
        }
        let first = earliest.min { ($0.value, $0.key) < ($1.value, $1.key) }?.key
        return counts.keys.sorted { lhs, rhs in
            if (lhs == first) != (rhs == first) { return lhs == first }
            if counts[lhs]! != counts[rhs]! { return counts[lhs]! > counts[rhs]! }
            return lhs < rhs
        }.map { Owner(name: $0, source: "commit-author", locations: counts[$0]!) }
    }
}
