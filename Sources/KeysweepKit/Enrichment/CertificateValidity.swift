/// The validity period of an X.509 certificate (`notBefore`, `notAfter`), read from its DER.
public struct CertificateValidity: Sendable, Hashable {
    public var notBefore: Timestamp
    public var notAfter: Timestamp

    /// Certificate ::= SEQUENCE { TBSCertificate ::= SEQUENCE { [0] version?, serial, signature,
    /// issuer, validity SEQUENCE { notBefore, notAfter }, … }, … }
    init?(der: [UInt8]) {
        guard let certificate = DERReader(der).sequenceChildren(), let tbs = certificate.first?.children else { return nil }
        let fields = tbs.first?.tag == 0xA0 ? Array(tbs.dropFirst()) : tbs
        guard fields.count >= 4, let validity = fields[3].children, validity.count == 2,
              let notBefore = Self.time(validity[0]), let notAfter = Self.time(validity[1]) else { return nil }
        self.notBefore = notBefore
        self.notAfter = notAfter
    }

    /// The first certificate in `bytes` (PEM) whose validity parses: in a bundle the leaf comes first.
    static func first(in bytes: [UInt8]) -> CertificateValidity? {
        PEMBlock.all(in: bytes, label: "CERTIFICATE").lazy.compactMap { CertificateValidity(der: $0.body) }.first
    }

    private static func time(_ element: DERReader.Element) -> Timestamp? {
        switch element.tag {
        case DERReader.Element.utcTime: Timestamp(asn1: element.content, generalized: false)
        case DERReader.Element.generalizedTime: Timestamp(asn1: element.content, generalized: true)
        default: nil
        }
    }
}
