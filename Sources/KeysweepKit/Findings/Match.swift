/// One occurrence of a secret, found by one rule, at one location.
public struct Match: Sendable {
    public let ruleIndex: Int
    public let secret: [UInt8]
    public let entropy: Double
    public var location: Location
    /// The other parts of the credential, in the same blob (see `CredentialAssembler`).
    public var parts: [PartMatch]
    /// A look-alike a validator proved fake, kept because suppressions are off.
    public var rejected: Bool
    /// Rules that matched overlapping bytes and yielded to `ruleIndex`.
    public var yieldedRules: [Int]
    /// The git object id of the blob, for matches from history; provenance is attached by it.
    public var blobID: String? { location.blobID }

    public init(_ match: BlobMatch, path: String, blobID: String? = nil) {
        ruleIndex = match.ruleIndex
        secret = match.secret
        entropy = match.entropy
        location = Location(path: path, start: match.start, end: match.end, lineContext: match.lineContext)
        location.encoding = match.encoding
        location.blobID = blobID
        location.companionCertificate = match.companionCertificate
        location.blockContext = match.blockContext
        parts = match.parts
        rejected = match.rejected
        yieldedRules = match.yieldedRules
    }
}
