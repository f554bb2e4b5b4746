/// Where one occurrence of a secret is: a file path, or a commit and path, and its span.
public struct Location: Sendable, Hashable, Comparable {
    public var path: String
    public var start: TextPosition
    public var end: TextPosition
    /// The commit that introduced the blob at this path, for locations from git history.
    public var commit: CommitInfo?
    /// Hash of the line's content (see `LineContext`).
    public var lineContext: String
    /// Which of several scanned repositories or folders it is in (`keysweep inventory`); nil in
    /// single-input scans.
    public var repository: String?
    /// `base64` when the secret is encoded at this place and was found by decoding it;
    /// `encrypted` in a file that a key the scan found decrypts (see `DecryptedSettings`), at its
    /// line in the decrypted text.
    public var encoding: String?
    /// For a container image: the digest of the layer that holds the file.
    public var layer: String?
    /// For a container image: the digest of a higher layer that deletes the file (it still ships).
    public var deletedInLayer: String?
    /// Test, fixture, docs, example or source: set when findings are grouped (from the path,
    /// which history provenance may still change before that).
    public var context: LocationContext = .source
    /// The git object id of the blob, for locations from history (set with the location, when
    /// provenance places the match): the enrichment reads the blob by it (a `commit:path` lookup
    /// walks trees and cost about 3 ms each). Not reported.
    var blobID: BlobID?
    /// The end of `path` that names archive members (`!conf.jar!app.properties`), empty for a
    /// file or blob itself (see `BlobOrigin.member`).
    var member = ""
    /// For a blob with a private key: what the scan saw of a certificate in it. Not reported.
    var companionCertificate: CompanionCertificate = .notLookedFor
    /// The context of the documentation block in the file that holds the location, if any (see
    /// `DocumentationBlocks`). Not reported itself: it gives `context` when the path says `source`.
    var blockContext: LocationContext?

    /// Whether the secret is the whole file, not a span of its text: a key store read as binary
    /// (see `Matcher.scanKeyStore`), placed at 1:1 with no width.
    public var isWholeFile: Bool { start == end }

    public init(path: String, start: TextPosition, end: TextPosition, commit: CommitInfo? = nil, lineContext: String = "") {
        self.path = path
        self.start = start
        self.end = end
        self.commit = commit
        self.lineContext = lineContext
    }

    /// Identity of this occurrence for code scanning: the finding, the path and the line's
    /// content, not the line number, so that edits above it do not move the alert. Keyed like the
    /// finding's fingerprint: the line holds the secret.
    public func fingerprint(finding: String, key: FingerprintKey) -> String {
        key.digest(Array("keysweep:location:v2".utf8) + [0] + Array(finding.utf8) + [0] + Array(path.utf8) + [0] + Array(lineContext.utf8))
    }

    /// Equal when every reported field is: the scan's notes (`blobID`, `companionCertificate`) do
    /// not make one place two.
    public static func == (lhs: Location, rhs: Location) -> Bool {
        lhs.path == rhs.path && lhs.start == rhs.start && lhs.end == rhs.end && lhs.commit == rhs.commit
            && lhs.lineContext == rhs.lineContext && lhs.repository == rhs.repository && lhs.encoding == rhs.encoding
            && lhs.layer == rhs.layer && lhs.deletedInLayer == rhs.deletedInLayer
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(path)
        hasher.combine(start)
        hasher.combine(end)
        hasher.combine(commit)
        hasher.combine(lineContext)
        hasher.combine(repository)
        hasher.combine(encoding)
        hasher.combine(layer)
    }

    /// By repository, working-tree locations first, then by path, position, and commit date and id.
    public static func < (lhs: Location, rhs: Location) -> Bool {
        if lhs.repository != rhs.repository { return (lhs.repository ?? "") < (rhs.repository ?? "") }
        if (lhs.commit == nil) != (rhs.commit == nil) { return lhs.commit == nil }
        if lhs.path != rhs.path { return lhs.path.utf8.lexicographicallyPrecedes(rhs.path.utf8) }
        if lhs.start != rhs.start { return lhs.start < rhs.start }
        if lhs.end != rhs.end { return lhs.end < rhs.end }
        guard let left = lhs.commit, let right = rhs.commit else { return false }
        return (left.date, left.id) < (right.date, right.id)
    }
}

/// A commit's identity and author, as git reports them.
public struct CommitInfo: Sendable, Hashable, Codable {
    public var id: String
    public var author: String
    public var email: String
    /// ISO 8601 author date, as `git log --format=%aI` prints it.
    public var date: String

    public init(id: String, author: String, email: String, date: String) {
        self.id = id
        self.author = author
        self.email = email
        self.date = date
    }
}
