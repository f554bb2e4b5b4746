extension Enricher {
    /// A password the scan found, which a key store beside it may open with.
    struct FoundPassword: Sendable {
        let password: String
        /// Where it was found first, `path:line`, said instead of the password.
        let place: String

        /// The distinct passwords of `findings` (kind `password`, UTF-8), in report order: the
        /// first `limit` only, since each costs a digest per Java KeyStore and a KDF per bundle.
        static func all(in findings: [Finding], limit: Int = 32) -> [FoundPassword] {
            var seen: Set<String> = []
            var found: [FoundPassword] = []
            for finding in findings where finding.rule.kind == .password && found.count < limit {
                guard let password = String(bytes: finding.secret, encoding: .utf8), !password.isEmpty,
                      let first = finding.locations.first, seen.insert(password).inserted else { continue }
                found.append(FoundPassword(password: password, place: "\(first.path):\(first.start.line)"))
            }
            return found
        }
    }

    /// What a key store says of itself: whether it opens with a well-known password or one the
    /// scan found, checked against its own digest or MAC, and its key's certificate (validity,
    /// algorithm and size): a Java KeyStore's is in the clear, with when the key was made; a
    /// PKCS#12 bundle's is in the clear or in a part that opens with the password.
    static func addKeyStoreFacts(_ file: [UInt8], found: [FoundPassword], to facts: inout Enrichment.SecretFacts) {
        var certificate: [UInt8]?
        var bundle: PKCS12Contents?
        let opaque: String
        let opener: ([String]) -> String?
        // Found passwords to try: a digest each for a Java KeyStore, a KDF (2,048 iterations or
        // more) each for a PKCS#12 bundle, so fewer of those.
        var tries = found
        switch KeyStoreFile.format(startingWith: file) {
        case .javaKeyStore:
            guard let store = JavaKeyStoreEntries(file) else { return }
            certificate = store.keyCertificate
            facts.issuedAt = store.keyCreated
            opaque = "Java KeyStore"
            opener = { JavaKeyStoreEntries.firstPassword(of: file, among: $0) }
        case .pkcs12:
            bundle = PKCS12Contents(file)
            opaque = "PKCS#12"
            opener = { PKCS12Password.firstPassword(of: file, among: $0) }
            tries = Array(found.prefix(8))
        case .keePass, nil:
            return
        }
        var storePassword: String?, storePasswordAt: String?, password: String?
        if let wellKnown = opener(KeyStoreFile.wellKnownPasswords) {
            storePassword = wellKnown
            password = wellKnown
        } else if let opened = opener(tries.map(\.password)) {
            // The password is a secret of its own finding: only where it was found is said.
            storePasswordAt = tries.first { $0.password == opened }?.place
            password = opened
        }
        if let bundle { certificate = bundle.keyCertificate(opening: password) }
        if let validity = certificate.flatMap(CertificateValidity.init(der:)) {
            facts.issuedAt = validity.notBefore
            facts.expiresAt = validity.notAfter
        }
        var key = certificate.flatMap(PrivateKeyFacts.init(certificate:))
            ?? PrivateKeyFacts(algorithm: opaque, bits: nil, encrypted: true)
        key.storePassword = storePassword
        key.storePasswordAt = storePasswordAt
        key.encrypted = storePassword == nil && storePasswordAt == nil
        facts.key = key
    }
}
