/// `existingSecret: s3-credentials`, `credentialsSecret: my-cluster-name-backup-s3`: the name of
/// a Kubernetes Secret that holds the credential, not the credential.
///
/// Helm charts (Bitnami's convention, followed by most others) take `existingSecret` for a Secret
/// made outside the chart, and operators take a Secret by the kind of thing it holds
/// (`credentialsSecret`, `passwordSecret`, `tlsSecret`): a name whose last word is `secret`, with
/// `existing` first or such a kind just before it. A generic rule's name match may start at
/// `Secret` or before it (`credentials`); the words before it count too.
/// The value must then be a Kubernetes object name (RFC 1123: lowercase letters, digits, `-` and
/// `.`, a letter or digit at each end) of two words or more, which no generator of passwords or
/// tokens emits.
enum SecretObjectReference {
    /// Whether the generic rule's value at `secret`, under `name` (the matched text before it),
    /// names a Secret object.
    static func holds(_ secret: Range<Int>, name: [UInt8], matchStart: Int, in bytes: UnsafeRawBufferPointer) -> Bool {
        let identifier = name.prefix(while: ValueShape.isIdentifierByte)
        let words = QualifiedHexName.words(of: QualifiedHexName.qualifier(before: matchStart, in: bytes) + identifier)
        guard words.count >= 2, words.last == Array("secret".utf8),
              words.first == Array("existing".utf8) || kindWords.contains(words[words.count - 2]) else { return false }
        return isObjectName(bytes[secret])
    }

    /// An RFC 1123 subdomain of at least two words (`s3-credentials`, `pg.admin`).
    static func isObjectName(_ value: UnsafeRawBufferPointer.SubSequence) -> Bool {
        guard value.count <= 253, let first = value.first, let last = value.last,
              isLowerAlphanumeric(first), isLowerAlphanumeric(last),
              value.allSatisfy({ isLowerAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") })
        else { return false }
        return value.contains(UInt8(ascii: "-")) || value.contains(UInt8(ascii: "."))
    }

    private static func isLowerAlphanumeric(_ byte: UInt8) -> Bool {
        ValueShape.isLowercase(byte) || ValueShape.isDigit(byte)
    }

    /// Words before `Secret` that name what a Secret object holds.
    private static let kindWords: Set<[UInt8]> = Set([
        "credentials", "credential", "creds", "password", "passwords", "tls", "cert", "certs", "certificate",
        "certificates", "auth", "basicauth", "ssh", "registry", "pull", "keystore", "truststore",
    ].map { Array($0.utf8) })
}
