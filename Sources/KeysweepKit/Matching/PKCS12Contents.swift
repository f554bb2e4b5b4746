/// What the contents of a PKCS#12 bundle show (RFC 7292): the kinds of its safe bags and its
/// certificates, those in the clear and, given the password, those of its encrypted parts.
struct PKCS12Contents {
    /// Whether a key bag, a shrouded key bag or a secret bag is in sight.
    let showsKey: Bool
    /// The parts encrypted under the bundle's password (at most `maximumEncryptedSafes`).
    let encryptedSafes: [PKCS12EncryptedSafe]
    /// The bags of the parts in the clear.
    private let plainBags: [DERReader.Element]

    /// OpenSSL and keytool write one encrypted part; more are not opened.
    static let maximumEncryptedSafes = 4

    /// Nil when `bytes` are no DER `PFX` with `data` as its authenticated safe.
    init?(_ bytes: [UInt8]) {
        var reader = DERReader(bytes)
        guard let pfx = reader.next(), pfx.tag == DERReader.Element.sequence, let fields = pfx.children, fields.count >= 2,
              fields[0].tag == DERReader.Element.integer, fields[0].content.elementsEqual([3]),
              let safe = Self.data(of: fields[1]), let contentInfos = DERReader(safe).sequenceChildren() else { return nil }
        var plainBags: [DERReader.Element] = []
        var encryptedSafes: [PKCS12EncryptedSafe] = []
        for info in contentInfos {
            guard let safeContents = Self.data(of: info) else {
                // `envelopedData` (under a certificate's key) is not in sight.
                if encryptedSafes.count < Self.maximumEncryptedSafes, let safe = PKCS12EncryptedSafe(info) {
                    encryptedSafes.append(safe)
                }
                continue
            }
            plainBags += DERReader(safeContents).sequenceChildren() ?? []
        }
        showsKey = plainBags.contains(where: Self.isKeyBag)
        self.plainBags = plainBags
        self.encryptedSafes = encryptedSafes
    }

    /// Whether an encrypted part, opened with `password`, holds a key bag.
    func showsKey(opening password: String) -> Bool {
        encryptedBags(opening: password).contains(where: Self.isKeyBag)
    }

    /// The DER certificate of the bundle's key, from the parts in the clear and those that open
    /// with `password`: the certificate bag with a `localKeyId` (the key's own, as OpenSSL, keytool
    /// and NSS mark it), else the first.
    func keyCertificate(opening password: String?) -> [UInt8]? {
        let bags = plainBags + (password.map(encryptedBags(opening:)) ?? [])
        let certificates = bags.compactMap(Self.certificate(in:))
        return (certificates.first { $0.isKeys } ?? certificates.first)?.der
    }

    private func encryptedBags(opening password: String) -> [DERReader.Element] {
        encryptedSafes.flatMap { safe in safe.open(password: password).flatMap { DERReader($0).sequenceChildren() } ?? [] }
    }

    /// `certBag`: `SEQUENCE { certId x509Certificate, [0] EXPLICIT OCTET STRING }`, and whether
    /// the bag's attributes name a key (`localKeyId`).
    private static func certificate(in bag: DERReader.Element) -> (der: [UInt8], isKeys: Bool)? {
        guard let fields = bag.children, fields.count >= 2, fields[0].objectIdentifier == certificateBagType,
              fields[1].tag == 0xA0,
              let value = fields[1].children?.first?.children, value.count == 2,
              value[0].objectIdentifier == x509CertificateType, value[1].tag == 0xA0,
              let octets = value[1].children?.first, octets.tag == DERReader.Element.octetString else { return nil }
        let attributes = fields.count >= 3 ? fields[2].children ?? [] : []
        let isKeys = attributes.contains { $0.children?.first?.objectIdentifier == localKeyIdType }
        return (Array(octets.content), isKeys)
    }

    private static let certificateBagType = "1.2.840.113549.1.12.10.1.3"
    private static let x509CertificateType = "1.2.840.113549.1.9.22.1"
    private static let localKeyIdType = "1.2.840.113549.1.9.21"

    /// `1.2.840.113549.1.7.1`: PKCS#7 `data`.
    private static let dataType = "1.2.840.113549.1.7.1"
    /// PKCS#12 bag types that hold keys: `keyBag`, `pkcs8ShroudedKeyBag`, `secretBag`.
    private static let keyBagTypes: Set<String> = [
        "1.2.840.113549.1.12.10.1.1", "1.2.840.113549.1.12.10.1.2", "1.2.840.113549.1.12.10.1.5",
    ]
    /// `safeContentsBag`: bags nested in a bag.
    private static let nestedBagType = "1.2.840.113549.1.12.10.1.6"

    /// The octets of a `ContentInfo` of type `data` (`[0] EXPLICIT OCTET STRING`).
    static func data(of contentInfo: DERReader.Element) -> ArraySlice<UInt8>? {
        guard contentInfo.tag == DERReader.Element.sequence, let fields = contentInfo.children, fields.count == 2,
              fields[0].objectIdentifier == dataType, fields[1].tag == 0xA0,
              let inner = fields[1].children, inner.count == 1, inner[0].tag == DERReader.Element.octetString else { return nil }
        return inner[0].content
    }

    private static func isKeyBag(_ bag: DERReader.Element) -> Bool {
        guard bag.tag == DERReader.Element.sequence, let fields = bag.children, let type = fields.first?.objectIdentifier
        else { return false }
        if keyBagTypes.contains(type) { return true }
        guard type == nestedBagType, fields.count >= 2, fields[1].tag == 0xA0, let inner = fields[1].children?.first,
              inner.tag == DERReader.Element.sequence, let nested = inner.children else { return false }
        return nested.contains(where: isKeyBag)
    }
}
