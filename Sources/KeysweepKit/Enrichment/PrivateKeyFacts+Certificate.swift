extension PrivateKeyFacts {
    /// The algorithm and size of the key a DER certificate certifies (its `subjectPublicKeyInfo`):
    /// what a key store says of its encrypted key without opening it. `encrypted`, as the store's
    /// key is. Nil when the certificate does not parse or its algorithm is not one named here.
    init?(certificate der: [UInt8]) {
        guard let certificate = DERReader(der).sequenceChildren(), let tbs = certificate.first?.children else { return nil }
        let fields = tbs.first?.tag == 0xA0 ? Array(tbs.dropFirst()) : tbs
        guard fields.count >= 6, let keyInfo = fields[5].children, keyInfo.count == 2,
              let algorithm = keyInfo[0].children, let type = algorithm.first?.objectIdentifier else { return nil }
        switch type {
        case "1.2.840.113549.1.1.1":
            // BIT STRING: its unused-bits byte, then RSAPublicKey ::= SEQUENCE { modulus, exponent }.
            let modulus = DERReader(keyInfo[1].content.dropFirst()).sequenceChildren()?.first
            self.init(algorithm: "RSA", bits: modulus?.integerBits, encrypted: true)
        case "1.2.840.10045.2.1":
            let curve = algorithm.dropFirst().first?.objectIdentifier
            self.init(algorithm: Self.curveName(curve).map { "EC \($0)" } ?? "EC", bits: Self.curveBits(curve), encrypted: true)
        case "1.3.101.112":
            self.init(algorithm: "Ed25519", bits: 256, encrypted: true)
        case "1.2.840.10040.4.1":
            let p = algorithm.dropFirst().first?.children?.first
            self.init(algorithm: "DSA", bits: p?.integerBits, encrypted: true)
        default:
            return nil
        }
    }
}
