import Digest

/// JSON Web Tokens signed with a secret that is itself published: jwt.io's debugger signs with
/// `your-256-bit-secret` whatever payload is typed into it, and Supabase's local stack signs its
/// `anon` and `service_role` keys with `super-secret-jwt-token-with-at-least-32-characters-long`
/// (`supabase start` prints the same keys in every project; client libraries' tests and examples
/// hold them). Such a token opens only a service that trusts a published secret.
///
/// Told by computing the token's HMAC under each secret, so a token signed with any other secret
/// is never taken for one, whatever its payload says.
enum PublishedJWTSecrets {
    private static let secrets: [[UInt8]] = [
        "your-256-bit-secret",
        "super-secret-jwt-token-with-at-least-32-characters-long",
    ].map { Array($0.utf8) }

    /// `{"` in base64url: how every token's header starts.
    private static let jsonObjectStart = Array("eyJ".utf8)

    /// Whether `token` is an `HS256`, `HS384` or `HS512` token whose signature one of the
    /// published secrets made.
    static func signed(_ token: [UInt8]) -> Bool {
        guard token.starts(with: jsonObjectStart) else { return false }
        let parts = token.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 3, let header = JWTShape.jsonObject(base64URL: parts[0]),
              let algorithm = (header["alg"] as? String).flatMap(hmacAlgorithm),
              let signature = JWTShape.decodeBase64URL(parts[2]), signature.count == algorithm.length
        else { return false }
        let signingInput = Array(token[..<parts[1].endIndex])
        let hasher = MessageDigest(algorithm)
        return secrets.contains { hasher.authenticate(signingInput, key: $0).elementsEqual(signature) }
    }

    private static func hmacAlgorithm(_ name: String) -> MessageDigest.Algorithm? {
        switch name {
        case "HS256": .sha256
        case "HS384": .sha384
        case "HS512": .sha512
        default: nil
        }
    }
}
