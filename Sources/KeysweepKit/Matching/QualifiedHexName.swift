/// 40 or 64 hex digits under a name whose first word says what the key or token is for
/// (`ENCRYPTION_KEY=`, `hmac_key`, `signingKey`, `YNAB_TOKEN=`, `zenrowsToken`): a secret, not the
/// digest that the bare words `key` and `token` are often given.
///
/// `openssl rand -hex 32`, `secrets.token_hex(20)` and many providers' keys are exactly the shape
/// of a SHA-1 or SHA-256 digest, so generic rules refuse one-case hex of those lengths unless the
/// name says it is a secret (`AssignmentValueFilter.isHexSecretNamedSecret`). A generic rule's match
/// starts at `key` or `token`; the words before it, the qualifier, settle the question:
/// - a key is a secret when its qualifier names a cryptographic use or an owner of secrets
///   (`encryption`, `hmac`, `signing`, `master`, `jwt`, `license`, `webhook`); other keys (a cache's,
///   an object's, a row's) stay digests or ids;
/// - a token is a secret when it has a qualifier, unless that names a token that identifies or
///   pages rather than authenticates (`pageToken`, `syncToken`, `deviceToken`, `lockToken`) or is
///   made up (`FAKE_TOKEN`). The bare `token` keeps the digest rule: API specs put digests there.
enum QualifiedHexName {
    /// Whether the rule's `name` and the `qualifier` before it say that a hex value of a digest's
    /// length (one case, checked by the caller, `AssignmentValueFilter.isHexSecretNamedSecret`) is
    /// a secret.
    static func saysSecret(name: [UInt8], qualifier: [UInt8]) -> Bool {
        let words = words(of: qualifier)
        guard let last = words.last else { return false }
        if words.contains(where: madeUpWords.contains) { return false }
        switch nameWord(name) {
        case .key: return secretKeyWords.contains(last)
        case .token: return !identifyingTokenWords.contains(last)
        case nil: return false
        }
    }

    /// The identifier bytes (`[A-Za-z0-9_.-]`) right before `offset`, at most 64: the words a generic
    /// rule's name match did not take (`YNAB_` before `TOKEN`, `encryption` before `Key`).
    static func qualifier(before offset: Int, in bytes: UnsafeRawBufferPointer) -> [UInt8] {
        var start = offset
        while start > max(0, offset - 64), isQualifierByte(bytes[start - 1]) { start -= 1 }
        return Array(bytes[start..<offset])
    }

    private enum NameWord { case key, token }

    /// `key` or `token` as the whole name the rule matched (`KEY=`, `Token = "`), not the start
    /// of a longer one (`token_hash`, `keyId`).
    private static func nameWord(_ name: [UInt8]) -> NameWord? {
        let lowered = name.map(KeywordPrefilter.fold)
        for (word, kind) in [(Array("token".utf8), NameWord.token), (Array("key".utf8), .key)] where lowered.starts(with: word) {
            let next = lowered.count > word.count ? lowered[word.count] : 0
            return ValueShape.isIdentifierByte(next) ? nil : kind
        }
        return nil
    }

    /// The qualifier's words, case-folded: split at `_`, `-`, `.` and where a lowercase letter meets
    /// a capital (`zenrowsApi` is zenrows, api).
    static func words(of qualifier: [UInt8]) -> [[UInt8]] {
        var words: [[UInt8]] = []
        var current: [UInt8] = []
        for (index, byte) in qualifier.enumerated() {
            if byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") {
                if !current.isEmpty { words.append(current) }
                current = []
                continue
            }
            if index > 0, ValueShape.isUppercase(byte), ValueShape.isLowercase(qualifier[index - 1]), !current.isEmpty {
                words.append(current)
                current = []
            }
            current.append(KeywordPrefilter.fold(byte))
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    private static func isQualifierByte(_ byte: UInt8) -> Bool {
        ValueShape.isIdentifierByte(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }

    /// Words before `key` that say the key guards something.
    private static let secretKeyWords = wordSet([
        "encryption", "encrypt", "crypt", "crypto", "cipher", "aes", "hmac", "signing", "sign", "signature",
        "master", "jwt", "session", "cookie", "license", "licence", "shared", "symmetric", "webhook", "secret",
        "secrets", "otp", "totp", "seed", "pepper", "kek", "dek", "wrapping", "unseal", "vault", "app",
        "application", "client", "service", "admin", "root", "bot", "integration", "deploy", "ingest", "write",
    ])

    /// Words before `token` that name a token which identifies, pages or locks rather than
    /// authenticates.
    private static let identifyingTokenWords = wordSet([
        "page", "next", "prev", "previous", "continuation", "sync", "resume", "change", "lock", "lease",
        "fencing", "csrf", "xsrf", "request", "idempotency", "hash", "hashed", "digest", "commit", "cache",
        "nonce", "cursor", "state", "device", "push", "apns", "fcm", "notification", "registration", "card",
        "cancellation", "cancel", "form", "antiforgery", "public", "pub", "id", "invite", "invitation",
        "unsubscribe", "share", "tracking", "transaction", "tx", "continue", "last", "end", "start", "stop",
    ])

    private static let madeUpWords = wordSet(["fake", "dummy", "mock", "test", "sample", "example", "placeholder"])

    private static func wordSet(_ words: [String]) -> Set<[UInt8]> { Set(words.map { Array($0.utf8) }) }
}
