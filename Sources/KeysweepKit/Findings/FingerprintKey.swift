/// The key fingerprints are HMACs under: the project's own, or a fixed builtin one.
///
/// DESIGN: fingerprints are keyed, so that a report or baseline that leaves the repository (SARIF
/// uploaded to code scanning, a baseline committed, a JSON report in a ticket) cannot confirm a
/// guessed secret. The key must be the same for a repository's CI and its developers, or their
/// baselines stop matching; `id` names it in reports and baselines so that a mismatch is diagnosed
/// rather than reported as every finding being new. The builtin key is public: it keeps
/// fingerprints stable and distinct from a plain SHA-256, and protects nothing.
public struct FingerprintKey: Sendable, Equatable, CustomStringConvertible {
    /// Which kind of key: `builtin` (nothing configured) or `project`.
    public enum Kind: String, Sendable, Codable {
        case builtin, project
    }

    public let kind: Kind
    /// Never printed; `id` is what reports show.
    let bytes: [UInt8]
    /// The first 8 hex digits of HMAC(key, "keysweep:key-id"): names the key without revealing it.
    public let id: String

    init(kind: Kind, bytes: [UInt8]) {
        self.kind = kind
        self.bytes = bytes
        id = HMAC.sha256(key: bytes, message: Array("keysweep:key-id".utf8)).prefix(4).hexString
    }

    /// A project key from its text (a key file's content, the environment or the config).
    public init(project bytes: [UInt8]) {
        self.init(kind: .project, bytes: bytes)
    }

    /// The key used when none is configured.
    public static let builtin = FingerprintKey(kind: .builtin, bytes: Array("keysweep:builtin-fingerprint-key:v1".utf8))

    /// `builtin`, or `project` with its id, for messages.
    public var description: String { "\(kind.rawValue) key \(id)" }

    /// The first 128 bits, in hex, of HMAC-SHA-256 under this key.
    func digest(_ message: [UInt8]) -> String {
        HMAC.sha256(key: bytes, message: message).prefix(16).hexString
    }
}
