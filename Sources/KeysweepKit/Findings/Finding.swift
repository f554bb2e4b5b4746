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
    public let locations: [Location]
    /// For history scans: whether the secret is in the tree at HEAD.
    public var presentAtHead: Bool?
    /// The rule's severity, lowered for a private key that a passphrase protects.
    public var severity: Severity
    /// Owner, age, expiry and risks (the Enrichment stage); nil until enriched.
    public var enrichment: Enrichment?

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

    /// The earliest commit (by author date) among the locations, for history scans.
    public var firstSeen: CommitInfo? {
        locations.compactMap(\.commit).min { ($0.date, $0.id) < ($1.date, $1.id) }
    }
}
