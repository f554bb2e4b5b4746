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

    /// What a key store says of itself without its password: a Java KeyStore when its key was made
    /// and, in the clear, the key's certificate (validity, algorithm and size); either format
    /// whether it opens with a well-known password or one the scan found, checked against its
    /// own digest or MAC.
    static func addKeyStoreFacts(_ file: [UInt8], found: [FoundPassword], to facts: inout Enrichment.SecretFacts) {
        var key: PrivateKeyFacts
        let opener: ([String]) -> String?
        // Found passwords to try: a digest each for a Java KeyStore, a KDF (2,048 iterations or
        // more) each for a PKCS#12 bundle, so fewer of those.
        var tries = found
        switch KeyStoreFile.format(startingWith: file) {
        case .javaKeyStore:
            guard let store = JavaKeyStoreEntries(file) else { return }
            let validity = store.keyCertificate.flatMap(CertificateValidity.init(der:))
            facts.issuedAt = validity?.notBefore ?? store.keyCreated
            facts.expiresAt = validity?.notAfter
            key = store.keyCertificate.flatMap(PrivateKeyFacts.init(certificate:)) ?? PrivateKeyFacts(algorithm: "Java KeyStore", bits: nil, encrypted: true)
            opener = { JavaKeyStoreEntries.firstPassword(of: file, among: $0) }
        case .pkcs12:
            key = PrivateKeyFacts(algorithm: "PKCS#12", bits: nil, encrypted: true)
            opener = { PKCS12Password.firstPassword(of: file, among: $0) }
            tries = Array(found.prefix(8))
        case .keePass, nil:
            return
        }
        if let password = opener(KeyStoreFile.wellKnownPasswords) {
            key.storePassword = password
        } else if let password = opener(tries.map(\.password)) {
            // The password is a secret of its own finding: only where it was found is said.
            key.storePasswordAt = tries.first { $0.password == password }?.place
        }
        key.encrypted = key.storePassword == nil && key.storePasswordAt == nil
        facts.key = key
    }
}
