import CLibcrypto

/// PKCS#12's own password-based encryption schemes (RFC 7292, Appendix C), decryption only: how
/// OpenSSL before 3.0, keytool before Java 17 and NSS's pk12util encrypt a bundle's certificates,
/// and often its keys. Key and IV come from `PKCS12KeyDerivation` with SHA-1; RC2 lives in OpenSSL
/// 3's legacy provider (without it, RC2 bundles do not open), Triple DES in the default one.
public enum PKCS12Decryption {
    /// The schemes, by the object identifiers `1.2.840.113549.1.12.1.3` to `.6`.
    public enum Scheme: Sendable, CaseIterable {
        case tripleDESWith3Keys, tripleDESWith2Keys, rc2With128BitKey, rc2With40BitKey

        /// The scheme named by `objectIdentifier`, if it is one of these.
        public init?(objectIdentifier: String) {
            switch objectIdentifier {
            case "1.2.840.113549.1.12.1.3": self = .tripleDESWith3Keys
            case "1.2.840.113549.1.12.1.4": self = .tripleDESWith2Keys
            case "1.2.840.113549.1.12.1.5": self = .rc2With128BitKey
            case "1.2.840.113549.1.12.1.6": self = .rc2With40BitKey
            default: return nil
            }
        }

        fileprivate var keyLength: Int {
            switch self {
            case .tripleDESWith3Keys: 24
            case .tripleDESWith2Keys, .rc2With128BitKey: 16
            case .rc2With40BitKey: 5
            }
        }

        fileprivate var cipher: OpaquePointer? {
            switch self {
            case .tripleDESWith3Keys: EVP_des_ede3_cbc()
            case .tripleDESWith2Keys: EVP_des_ede_cbc()
            case .rc2With128BitKey: PKCS12Decryption.rc2.cipher
            case .rc2With40BitKey: PKCS12Decryption.rc2With40BitKey.cipher
            }
        }
    }

    /// The plaintext of `ciphertext` under `scheme` with `password` (a BMPString with its two zero
    /// bytes), `salt` and `iterations`, or nil when the sizes or the padding are wrong (a wrong
    /// password, mostly).
    public static func open(_ ciphertext: [UInt8], scheme: Scheme, password: [UInt8], salt: [UInt8],
                            iterations: Int) -> [UInt8]? {
        guard !ciphertext.isEmpty, ciphertext.count % 8 == 0, let cipher = scheme.cipher,
              let key = PKCS12KeyDerivation.derive(password: password, salt: salt, iterations: iterations,
                                                   purpose: .encryptionKey, length: scheme.keyLength, digest: .sha1),
              let iv = PKCS12KeyDerivation.derive(password: password, salt: salt, iterations: iterations,
                                                  purpose: .initializationVector, length: 8, digest: .sha1) else { return nil }
        return EVPDecryption.run(cipher, key: key, iv: iv, input: ciphertext)
    }

    /// RC2-CBC with its default 128-bit key, and with a 40-bit one, fetched once each.
    private static let rc2 = LegacyCipher(name: "RC2-CBC")
    private static let rc2With40BitKey = LegacyCipher(name: "RC2-40-CBC")
}
