import Digest

/// One `encryptedData` part of a PKCS#12 bundle (RFC 7292 §4.1; PKCS#7 `EncryptedData`): safe
/// bags encrypted under the bundle's password, by one of PKCS#12's own schemes (RC2 or Triple DES,
/// OpenSSL before 3.0, keytool before Java 17, NSS) or by PBES2 (PBKDF2 and AES-CBC, OpenSSL 3 and
/// Java 17). keytool puts a trust store's certificates there; NSS's pk12util, which browsers use
/// to export a client certificate, puts the private key there too.
struct PKCS12EncryptedSafe {
    private enum Scheme {
        case pkcs12(PKCS12Decryption.Scheme, salt: [UInt8], iterations: Int)
        case pbes2(digest: MessageDigest.Algorithm, salt: [UInt8], iterations: Int, keyLength: Int, iv: [UInt8])
    }

    private let scheme: Scheme
    private let ciphertext: [UInt8]

    /// Nil when `contentInfo` is no `encryptedData` under a scheme named here, or asks for more
    /// than `PKCS12Password.maximumIterations` rounds.
    init?(_ contentInfo: DERReader.Element) {
        guard let fields = contentInfo.children, fields.count == 2, fields[0].objectIdentifier == Self.encryptedDataType,
              fields[1].tag == 0xA0, let encryptedData = fields[1].children?.first?.children, encryptedData.count >= 2,
              let info = encryptedData[1].children, info.count >= 3, let algorithm = info[1].children, algorithm.count == 2,
              let type = algorithm[0].objectIdentifier, let scheme = Self.scheme(type, parameters: algorithm[1]),
              let ciphertext = Self.octets(of: info[2]), !ciphertext.isEmpty else { return nil }
        self.scheme = scheme
        self.ciphertext = ciphertext
    }

    /// The safe's contents (DER `SafeContents`) under `password`, or nil when they do not open.
    func open(password: String) -> [UInt8]? {
        switch scheme {
        case let .pkcs12(scheme, salt, iterations):
            for encoded in PKCS12Password.encodings(of: password) {
                let plain = PKCS12Decryption.open(ciphertext, scheme: scheme, password: encoded, salt: salt,
                                                  iterations: iterations)
                if let plain { return plain }
            }
            return nil
        case let .pbes2(digest, salt, iterations, keyLength, iv):
            // PBES2 takes the password's UTF-8 bytes, not PKCS#12's BMPString.
            guard let key = PBKDF2.derive(password: Array(password.utf8), salt: salt, iterations: iterations, length: keyLength,
                                          digest: digest) else { return nil }
            return AESCBC.open(ciphertext, key: key, iv: iv)
        }
    }

    private static let encryptedDataType = "1.2.840.113549.1.7.6"

    /// The scheme of an `AlgorithmIdentifier`: PKCS#12's `SEQUENCE { salt, iterations }`, or
    /// PBES2's PBKDF2 (salt, iterations, key length, PRF) and AES-CBC with its IV.
    private static func scheme(_ type: String, parameters: DERReader.Element) -> Scheme? {
        guard let fields = parameters.children else { return nil }
        if let cipher = PKCS12Decryption.Scheme(objectIdentifier: type) {
            guard fields.count == 2, fields[0].tag == DERReader.Element.octetString, let iterations = iterationCount(fields[1])
            else { return nil }
            return .pkcs12(cipher, salt: Array(fields[0].content), iterations: iterations)
        }
        guard type == "1.2.840.113549.1.5.13", fields.count == 2, let kdf = fields[0].children, kdf.count == 2,
              kdf[0].objectIdentifier == "1.2.840.113549.1.5.12", let pbkdf2 = kdf[1].children, pbkdf2.count >= 2,
              pbkdf2[0].tag == DERReader.Element.octetString, let iterations = iterationCount(pbkdf2[1]),
              let encryption = fields[1].children, encryption.count == 2, let cipher = encryption[0].objectIdentifier,
              let keyLength = aesKeyLengths[cipher], encryption[1].tag == DERReader.Element.octetString,
              encryption[1].content.count == 16 else { return nil }
        // Optional key length (an INTEGER), then the PRF (hmacWithSHA1 when absent).
        var digest = MessageDigest.Algorithm.sha1
        for field in pbkdf2.dropFirst(2) where field.tag == DERReader.Element.sequence {
            guard let prf = field.children?.first?.objectIdentifier, let named = pseudoRandomFunctions[prf] else { return nil }
            digest = named
        }
        return .pbes2(digest: digest, salt: Array(pbkdf2[0].content), iterations: iterations, keyLength: keyLength,
                      iv: Array(encryption[1].content))
    }

    private static func iterationCount(_ element: DERReader.Element) -> Int? {
        guard let count = element.smallInteger, (1...PKCS12Password.maximumIterations).contains(count) else { return nil }
        return count
    }

    /// `encryptedContent [0] IMPLICIT OCTET STRING`: primitive in DER, or BER's constructed form
    /// of octet string pieces.
    private static func octets(of element: DERReader.Element) -> [UInt8]? {
        switch element.tag {
        case 0x80: return Array(element.content)
        case 0xA0:
            guard let pieces = element.children, pieces.allSatisfy({ $0.tag == DERReader.Element.octetString })
            else { return nil }
            return pieces.flatMap(\.content)
        default: return nil
        }
    }

    /// AES-CBC by object identifier: the key's length in bytes.
    private static let aesKeyLengths = [
        "2.16.840.1.101.3.4.1.2": 16, "2.16.840.1.101.3.4.1.22": 24, "2.16.840.1.101.3.4.1.42": 32,
    ]

    /// PBKDF2's pseudo-random functions: `hmacWithSHA1` and the SHA-2 HMACs.
    private static let pseudoRandomFunctions: [String: MessageDigest.Algorithm] = [
        "1.2.840.113549.2.7": .sha1, "1.2.840.113549.2.9": .sha256, "1.2.840.113549.2.10": .sha384,
        "1.2.840.113549.2.11": .sha512,
    ]
}
