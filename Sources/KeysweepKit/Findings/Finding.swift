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
}
