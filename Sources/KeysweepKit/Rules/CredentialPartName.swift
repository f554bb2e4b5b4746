/// The name of one part of a credential made of several (DESIGN: "Credentials, not strings").
///
/// The order of the cases is the order of precedence for the part that identifies a credential:
/// its fingerprint is the fingerprint of the first secret part present (`secret`, then
/// `password`, then `token`), so that a secret reported alone before keeps its identity, and
/// baselines made then still hold, once its key id or user is found beside it.
public enum CredentialPartName: String, Codable, Sendable, CaseIterable, Comparable {
    case secret, password, token, id, account, tenant, user, host

    /// Whether the part is itself secret (the others identify whose secret it is).
    public var isSecret: Bool { self == .secret || self == .password || self == .token }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
