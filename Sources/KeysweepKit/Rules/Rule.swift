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
    /// PCRE2 pattern (byte mode) with a named group `secret`.
    public var pattern: String
    /// Minimum Shannon entropy, in bits per byte, of the captured secret.
    public var minEntropy: Double?
    public var validator: StructuralValidator?
    public var examples: [String]
    public var negativeExamples: [String]
    public var references: [String]

    enum CodingKeys: String, CodingKey {
        case id, name, provider, kind, severity, keywords, pattern, validator, examples, references
        case minEntropy = "min_entropy"
        case negativeExamples = "negative_examples"
    }

    public init(
        id: String, name: String, provider: String, kind: SecretKind, severity: Severity,
        keywords: [String], pattern: String, minEntropy: Double? = nil,
        validator: StructuralValidator? = nil, examples: [String] = [],
        negativeExamples: [String] = [], references: [String] = []
    ) {
        self.id = id
        self.name = name
        self.provider = provider
        self.kind = kind
        self.severity = severity
        self.keywords = keywords
        self.pattern = pattern
        self.minEntropy = minEntropy
        self.validator = validator
        self.examples = examples
        self.negativeExamples = negativeExamples
        self.references = references
    }

    /// Generic rules (`generic.*`) yield to any specific rule that captures the same secret.
    public var isGeneric: Bool { id.hasPrefix("generic.") }
    /// Whether the rule accepts any plausible value in its context rather than a provider's format.
    var judgesByContext: Bool { isGeneric || validator == .assignmentValue }
}
