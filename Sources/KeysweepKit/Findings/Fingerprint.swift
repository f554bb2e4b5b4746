/// The identity of a secret: SHA-256 over a domain-separated encoding of the secret bytes alone.
///
/// Not the rule id, so that the same secret caught by two rules, or by a renamed rule, stays one
/// finding. The domain prefix (`keysweep:secret:v1` and a NUL) keeps these hashes distinct from a
/// plain SHA-256 of the secret that some other tool may publish. A hash cannot make a 6-character
/// password unguessable; it only ensures the report never carries the secret itself. The first
/// 128 bits, in hex, are kept: ample to avoid collisions between the secrets of one estate.
public enum Fingerprint {
    static let domain = Array("keysweep:secret:v1".utf8) + [0]

    public static func of(secret: [UInt8]) -> String {
        SHA256.hash(domain + secret).prefix(16).hexString
    }
}
