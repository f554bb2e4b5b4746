/// One secret found in one blob by one rule, before it is given a location.
public struct BlobMatch: Sendable {
    public let ruleIndex: Int
    public let secret: [UInt8]
    public let entropy: Double
    public let start: TextPosition
    /// The position just after the secret's last character, as SARIF's `endColumn`.
    public let end: TextPosition
    /// A hash of the secret's line (trimmed, at most `LineContext.reach` bytes either side), so that
    /// a location keeps its identity when unrelated lines above it are edited.
    public let lineContext: String
    /// `base64` when the secret was found by decoding the text at this span (see `EncodedValues`).
    public var encoding: String? = nil
    /// For a private key: the certificate in the same blob, looked for while the blob is at hand.
    /// Keys found by decoding (a base64 value) are not looked for: the enrichment reads the file.
    var companionCertificate: CompanionCertificate = .notLookedFor
    /// The other parts of the credential this secret identifies (see `CredentialAssembler`).
    public var parts: [PartMatch] = []
    /// A look-alike a structural validator proved fake, kept only when suppressions are off.
    public var rejected = false
    /// Rules that matched overlapping bytes and yielded to this match's rule.
    public var yieldedRules: [Int] = []
    /// `example` or `docs` for a secret inside a documentation block of a source file (see
    /// `DocumentationBlocks`); the path decides otherwise.
    public var blockContext: LocationContext?
}

/// One more part of a credential, found in the same blob as the secret that identifies it.
public struct PartMatch: Sendable, Hashable {
    public let name: CredentialPartName
    public let ruleIndex: Int
    public let secret: [UInt8]
    public let start: TextPosition
    public let end: TextPosition
    public let lineContext: String
}

/// What a scan saw of a certificate beside a private key, so that the enrichment need not read
/// the file or blob again (from history that cost about 3 ms of git per key).
enum CompanionCertificate: Sendable, Hashable {
    case notLookedFor
    case absent
    /// The validity of the first certificate in the blob that parses.
    case found(CertificateValidity)

    /// Looks in `bytes` for a PEM certificate.
    init(in bytes: UnsafeRawBufferPointer) {
        guard ByteSearch.firstIndex(of: Self.marker, in: bytes, within: 0..<bytes.count) != nil,
              let validity = CertificateValidity.first(in: Array(bytes)) else {
            self = .absent
            return
        }
        self = .found(validity)
    }

    private static let marker = Array("-----BEGIN CERTIFICATE".utf8)
}

/// A pattern that gave up on a blob because a PCRE2 limit was reached.
public struct LimitHit: Sendable, Hashable {
    public let ruleID: String
    public let message: String
}

/// Everything the matcher learned from one blob.
public struct BlobScan: Sendable {
    public var matches: [BlobMatch] = []
    public var limitHits: [LimitHit] = []
    /// Matches hidden by inline `keysweep:allow` (or gitleaks/detect-secrets) comments.
    public var suppressedInline = 0
    /// Generic matches dropped because the blob holds too many to be configuration (see `Matcher`).
    public var suppressedGenericInDataFile = 0
    /// Look-alikes a structural validator proved fake (a wrong checksum, a key body that does
    /// not parse), by rule id.
    public var rejectedByValidator: [String: Int] = [:]
    /// Distinct providers' published example values (`AKIAIOSFODNN7EXAMPLE`) left out: listed with
    /// the context `example` when suppressions are off.
    public var suppressedExamples = 0
}
