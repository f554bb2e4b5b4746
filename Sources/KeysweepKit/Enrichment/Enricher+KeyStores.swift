extension Enricher {
    /// What a key store says of itself without its password: a Java KeyStore when its key was made
    /// and, in the clear, the key's certificate (validity, algorithm and size); either format
    /// whether it opens with a well-known password, checked against its own digest or MAC.
    static func addKeyStoreFacts(_ file: [UInt8], to facts: inout Enrichment.SecretFacts) {
        var key: PrivateKeyFacts
        switch KeyStoreFile.format(startingWith: file) {
        case .javaKeyStore:
            guard let store = JavaKeyStoreEntries(file) else { return }
            let validity = store.keyCertificate.flatMap(CertificateValidity.init(der:))
            facts.issuedAt = validity?.notBefore ?? store.keyCreated
            facts.expiresAt = validity?.notAfter
            key = store.keyCertificate.flatMap(PrivateKeyFacts.init(certificate:)) ?? PrivateKeyFacts(algorithm: "Java KeyStore", bits: nil, encrypted: true)
            key.storePassword = JavaKeyStoreEntries.wellKnownPassword(of: file)
        case .pkcs12:
            key = PrivateKeyFacts(algorithm: "PKCS#12", bits: nil, encrypted: true)
            key.storePassword = PKCS12Password.wellKnownPassword(of: file)
        case .keePass, nil:
            return
        }
        key.encrypted = key.storePassword == nil
        facts.key = key
    }
}
