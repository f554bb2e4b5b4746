/// One distinct secret with every place it was found.
public struct Finding: Sendable {
    public let fingerprint: String
    /// The most specific rule that matched this secret.
    public let rule: Rule
    /// Every rule that matched it, by id, sorted.
    public let ruleIDs: [String]
    public let secret: [UInt8]
    public let entropy: Double
    /// Sorted, without duplicates.
    public internal(set) var locations: [Location]
    /// For history scans: whether the secret is in the tree at HEAD.
    public var presentAtHead: Bool?
    /// The rule's severity, lowered for a private key that a passphrase protects.
    public var severity: Severity
    /// Owner, age, expiry and risks (the Enrichment stage); nil until enriched.
    public var enrichment: Enrichment?
    /// Every named part of a credential made of several (this secret among them), sorted by
    /// name; empty for a secret that is a credential on its own.
    public var parts: [CredentialPart] = []
    /// A look-alike a structural validator proved fake (listed with `--no-suppress` only).
    public var rejected = false

    public init(fingerprint: String, rule: Rule, ruleIDs: [String], secret: [UInt8], entropy: Double,
                locations: [Location], presentAtHead: Bool? = nil) {
        self.fingerprint = fingerprint
        self.rule = rule
        self.ruleIDs = ruleIDs
        self.secret = secret
        self.entropy = entropy
        self.locations = locations
        self.presentAtHead = presentAtHead
        self.severity = rule.severity
    }

    /// Whether every location is test, fixture, documentation or example material.
    public var isOnlyInTestMaterial: Bool { !locations.isEmpty && locations.allSatisfy { $0.context != .source } }

    /// The contexts of its locations, sorted, without duplicates.
    public var contexts: [LocationContext] { Set(locations.map(\.context)).sorted() }

    /// The earliest commit (by author date) among the locations, for history scans.
    public var firstSeen: CommitInfo? {
        locations.compactMap(\.commit).min { ($0.date, $0.id) < ($1.date, $1.id) }
    }
}
