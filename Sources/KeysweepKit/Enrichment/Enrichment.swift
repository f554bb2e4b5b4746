/// What the inventory knows about a secret beyond its locations: how far it spread, who owns it,
/// how old it is and when it expires, what kind of key it is, and which OWASP NHI risks it carries.
///
/// Encoded as the `nhi` object of every finding in the JSON report, so that `keysweep merge` can
/// combine reports from many repositories and derive the cross-repository facts again.
public struct Enrichment: Codable, Sendable, Hashable {
    public var exposure: Exposure
    /// Most likely first: CODEOWNERS owners of the most locations, then the author who introduced it.
    public var owners: [Owner]
    public var lifetime: Lifetime
    /// For private keys: algorithm, size, passphrase.
    public var key: PrivateKeyFacts?
    /// OWASP NHI Top 10 ids, sorted.
    public var risks: [String]
    public var remediation: RemediationAdvice

    public struct Exposure: Codable, Sendable, Hashable {
        public var locations: Int
        public var files: Int
        public var commits: Int
        /// Branches whose history holds it (history scans with branch resolution; else nil).
        public var branches: [String]?
        /// True when every branch that holds it is unmerged into the default branch.
        public var onlyUnmergedBranches: Bool?
        public var repositories: [String]
        public var services: [String]
        public var environments: [String]
        public var productionAndNonProduction: Bool
        public var severalServices: Bool
        /// Every location is under a test or fixture path: still a finding (key material and
        /// tokens get copied out of tests), but one a reviewer triages differently.
        public var testFixture: Bool

        enum CodingKeys: String, CodingKey {
            case locations, files, commits, branches, repositories, services, environments
            case onlyUnmergedBranches = "only_unmerged_branches"
            case productionAndNonProduction = "production_and_non_production"
            case severalServices = "several_services"
            case testFixture = "test_fixture"
        }
    }

    public struct Owner: Codable, Sendable, Hashable {
        public var name: String
        /// `codeowners` or `commit-author`.
        public var source: String
        /// Locations this candidate owns or introduced.
        public var locations: Int
    }

    public struct Lifetime: Codable, Sendable, Hashable {
        public var firstSeen: String?
        public var lastSeen: String?
        /// Days from first seen (else from issue) to the scan's clock.
        public var ageDays: Int?
        /// From the secret itself: a JWT's `iat`, a certificate's `notBefore`.
        public var issuedAt: String?
        /// From the secret itself: a JWT's `exp`, the `notAfter` of a certificate beside the key.
        public var expiresAt: String?
        public var expired: Bool?
        /// AWS `ASIA` keys: session credentials that expire within 36 hours.
        public var temporary: Bool

        enum CodingKeys: String, CodingKey {
            case firstSeen = "first_seen"
            case lastSeen = "last_seen"
            case ageDays = "age_days"
            case issuedAt = "issued_at"
            case expiresAt = "expires_at"
            case expired, temporary
        }
    }

    public struct RemediationAdvice: Codable, Sendable, Hashable {
        public var text: String
        public var link: String
    }
}

extension PrivateKeyFacts: Codable {
    enum CodingKeys: String, CodingKey {
        case algorithm, bits, encrypted, weak
        case storePassword = "store_password"
        case storePasswordAt = "store_password_at"
        case decrypts
        case decryptedSettings = "decrypted_settings"
        case alsoDecrypts = "also_decrypts"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(algorithm: try container.decode(String.self, forKey: .algorithm),
                  bits: try container.decodeIfPresent(Int.self, forKey: .bits),
                  encrypted: try container.decode(Bool.self, forKey: .encrypted))
        storePassword = try container.decodeIfPresent(String.self, forKey: .storePassword)
        storePasswordAt = try container.decodeIfPresent(String.self, forKey: .storePasswordAt)
        decrypts = try container.decodeIfPresent(String.self, forKey: .decrypts)
        decryptedSettings = try container.decodeIfPresent([String].self, forKey: .decryptedSettings)
        alsoDecrypts = try container.decodeIfPresent([String].self, forKey: .alsoDecrypts)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(algorithm, forKey: .algorithm)
        try container.encodeIfPresent(bits, forKey: .bits)
        try container.encode(encrypted, forKey: .encrypted)
        try container.encode(weak, forKey: .weak)
        try container.encodeIfPresent(storePassword, forKey: .storePassword)
        try container.encodeIfPresent(storePasswordAt, forKey: .storePasswordAt)
        try container.encodeIfPresent(decrypts, forKey: .decrypts)
        try container.encodeIfPresent(decryptedSettings, forKey: .decryptedSettings)
        try container.encodeIfPresent(alsoDecrypts, forKey: .alsoDecrypts)
    }
}
