/// One occurrence of a secret, found by one rule, at one location.
public struct Match: Sendable {
    public internal(set) var ruleIndex: Int
    public let secret: [UInt8]
    public let entropy: Double
    public var location: Location
    /// The other parts of the credential, in the same blob (see `CredentialAssembler`).
    public var parts: [PartMatch]
    /// A look-alike a validator proved fake, kept because suppressions are off.
    public var rejected: Bool
    /// Rules that matched overlapping bytes and yielded to `ruleIndex`.
    public var yieldedRules: [Int]

    public init(_ match: BlobMatch, path: String) {
        self.init(match, path: path, member: "")
    }

    /// The match at `path`, whose end `member` names archive members; from history, introduced
    /// by `commit` in the blob `blobID`.
    init(_ match: BlobMatch, path: String, member: String, commit: CommitInfo? = nil, blobID: BlobID? = nil) {
        ruleIndex = match.ruleIndex
        secret = match.secret
        entropy = match.entropy
        location = Location(path: path, start: match.start, end: match.end, commit: commit, lineContext: match.lineContext)
        location.encoding = match.encoding
        location.member = member
        location.blobID = blobID
        location.companionCertificate = match.companionCertificate
        location.blockContext = match.blockContext
        parts = match.parts
        rejected = match.rejected
        yieldedRules = match.yieldedRules
    }
}
