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

    /// The earliest commit (by author date) among the locations, for history scans.
    public var firstSeen: CommitInfo? {
        locations.compactMap(\.commit).min { ($0.date, $0.id) < ($1.date, $1.id) }
    }
}
