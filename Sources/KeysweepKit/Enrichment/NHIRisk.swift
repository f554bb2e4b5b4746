/// The OWASP Non-Human Identities Top 10 (2025) risks that can be read from a repository.
public enum NHIRisk: String, Sendable, Hashable, Comparable, CaseIterable {
    /// Every finding: a credential sits where it should not.
    case secretLeakage = "NHI2"
    /// No expiry and old, or valid for more than a year.
    case longLivedSecret = "NHI7"
    /// The same secret in production and non-production places.
    case environmentIsolation = "NHI8"
    /// The same secret in several services or repositories.
    case reuse = "NHI9"

    public var id: String { rawValue }

    public var title: String {
        switch self {
        case .secretLeakage: "Secret Leakage"
        case .longLivedSecret: "Long-Lived Secrets"
        case .environmentIsolation: "Environment Isolation"
        case .reuse: "NHI Reuse"
        }
    }

    public var link: String {
        let slug: String
        switch self {
        case .secretLeakage: slug = "2025-top-10-nhi2-secret-leakage"
        case .longLivedSecret: slug = "2025-top-10-nhi7-long-lived-secrets"
        case .environmentIsolation: slug = "2025-top-10-nhi8-environment-isolation"
        case .reuse: slug = "2025-top-10-nhi9-nhi-reuse"
        }
        return "https://owasp.org/www-project-non-human-identities-top-10/2025/\(slug)/"
    }

    public static func < (lhs: NHIRisk, rhs: NHIRisk) -> Bool { lhs.rawValue < rhs.rawValue }
}
