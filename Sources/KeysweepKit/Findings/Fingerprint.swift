/// The identity of a secret: HMAC-SHA-256, under the project's `FingerprintKey`, of a
/// domain-separated encoding of the secret bytes alone.
///
/// Not the rule id, so that the same secret caught by two rules, or by a renamed rule, stays one
/// finding. Keyed (DESIGN: "Fingerprints are keyed"), so that a report or baseline alone cannot
/// confirm a guessed secret: an unkeyed hash of a short password, next to its length, is
/// brute-forced in minutes. The domain prefix (`keysweep:secret:v2` and a NUL) separates these
/// from the location fingerprints made under the same key. The first 128 bits, in hex, are kept:
/// ample to avoid collisions between the secrets of one estate.
public enum Fingerprint {
    static let domain = Array("keysweep:secret:v2".utf8) + [0]

    public static func of(secret: [UInt8], key: FingerprintKey) -> String {
        key.digest(domain + secret)
    }
}
