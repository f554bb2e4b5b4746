/// One detector, as validated data: what it looks for, how sure a match is, and its test cases.
///
/// Rules are the source of truth in `rules/*.yml`; this value is what both the YAML loader and the
/// embedded JSON produce. It holds no compiled state, so it is cheap to copy and to encode.
public struct Rule: Codable, Sendable, Hashable {
    public var id: String
    public var name: String
    public var provider: String
    public var kind: SecretKind
    public var severity: Severity
    /// Literal, case-insensitive strings; a rule runs only on blobs that contain one of them.
    public var keywords: [String]
    /// Literal, case-insensitive strings one of which every match holds near its start, when the
    /// keywords are not: the pattern then runs only near them (see `PatternReach`), while the
    /// keywords still decide which blobs it runs on (a file that names the provider).
    public var anchors: [String]?
    /// PCRE2 pattern (byte mode) with a named group `secret`.
    public var pattern: String
    /// Minimum Shannon entropy, in bits per byte, of the captured secret.
    public var minEntropy: Double?
    public var validator: StructuralValidator?
    public var examples: [String]
    public var negativeExamples: [String]
    public var references: [String]
    /// The credential this rule's secret is a part of (`aws`, `twilio`): matches of rules with the
    /// same credential, a few lines apart in one file, become one finding (see `CredentialAssembler`).
    public var credential: String?
    /// Which part of `credential` the secret is; `secret` when not given.
    public var part: CredentialPartName?
    /// False for a part that names whose credential it is but is no secret on its own (a tenant id,
    /// a database host): such a rule runs only on files where its credential's other parts matched,
    /// and its matches are reported only as parts.
    public var alone: Bool?
    /// The reach of the pattern, when the embedded rules carry it (see `ReachNote`).
    var reachNote = ReachNote()

    enum CodingKeys: String, CodingKey {
        case id, name, provider, kind, severity, keywords, anchors, pattern, validator, examples, references, credential, part, alone
        case minEntropy = "min_entropy"
        case negativeExamples = "negative_examples"
    }

    public init(
        id: String, name: String, provider: String, kind: SecretKind, severity: Severity,
        keywords: [String], pattern: String, minEntropy: Double? = nil,
        validator: StructuralValidator? = nil, examples: [String] = [],
        negativeExamples: [String] = [], references: [String] = [],
        credential: String? = nil, part: CredentialPartName? = nil, alone: Bool? = nil, anchors: [String]? = nil
    ) {
        self.id = id
        self.name = name
        self.provider = provider
        self.kind = kind
        self.severity = severity
        self.keywords = keywords
        self.anchors = anchors
        self.pattern = pattern
        self.minEntropy = minEntropy
        self.validator = validator
        self.examples = examples
        self.negativeExamples = negativeExamples
        self.references = references
        self.credential = credential
        self.part = part
        self.alone = alone
    }

    /// Generic rules (`generic.*`) yield to any specific rule that captures the same secret.
    public var isGeneric: Bool { id.hasPrefix("generic.") }
    /// Whether the rule accepts any plausible value in its context rather than a provider's format.
    var judgesByContext: Bool { isGeneric || validator == .assignmentValue || validator == .keyValue }

    /// The part this rule's secret is of a credential (`secret` unless the rule says).
    public var partName: CredentialPartName { part ?? .secret }

    /// The strings whose occurrences say where matches can start: the anchors, else the keywords.
    var windowKeywords: [String] { anchors ?? keywords }

    /// Whether a match is reported on its own, not only as a part of a credential.
    public var isReportedAlone: Bool { alone ?? true }
}
