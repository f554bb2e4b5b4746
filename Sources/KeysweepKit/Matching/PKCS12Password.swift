import Digest

/// Whether a PKCS#12 bundle opens with a well-known password, read from its MAC (RFC 7292 §5.1,
/// Appendix B): an HMAC over the authenticated safe, keyed by the bundle's KDF from the password,
/// the salt and the iteration count the bundle carries. One key derivation per guess, as for
/// anyone who holds the file; the contents are opened only once the password is known
/// (`PKCS12EncryptedSafe`).
enum PKCS12Password {
    /// Derivations costlier than this are not tried (OpenSSL makes 2,048, keytool 10,000): a
    /// hostile bundle must not buy seconds of CPU with a large count.
    static let maximumIterations = 10_000

    /// The first of `KeyStoreFile.wellKnownPasswords` that the bundle `bytes` opens with, or
    /// nil (also for a bundle without a MAC, or one whose MAC is PBMAC1 or another digest).
    static func wellKnownPassword(of bytes: [UInt8]) -> String? {
        firstPassword(of: bytes, among: KeyStoreFile.wellKnownPasswords)
    }

    /// The first of `passwords` that the bundle `bytes` opens with, or nil.
    static func firstPassword(of bytes: [UInt8], among passwords: [String]) -> String? {
        guard let mac = MAC(bytes) else { return nil }
        let digest = MessageDigest(mac.algorithm)
        return passwords.first { password in
            encodings(of: password).contains { encoded in
                guard let key = PKCS12KeyDerivation.derive(password: encoded, salt: Array(mac.salt), iterations: mac.iterations,
                                                           purpose: .macKey, length: mac.algorithm.length, digest: mac.algorithm)
                else { return false }
                return mac.value.elementsEqual(digest.authenticate(mac.content, key: key))
            }
        }
    }

    /// `password` as PKCS#12's KDF takes it: a BMPString with its two zero bytes; an empty password
    /// also as no bytes at all, as some tools write it.
    static func encodings(of password: String) -> [[UInt8]] {
        let bmp: [UInt8] = password.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] } + [0, 0]
        return password.isEmpty ? [bmp, []] : [bmp]
    }

    /// A bundle's `MacData` and the content it authenticates.
    private struct MAC {
        let algorithm: MessageDigest.Algorithm
        let value: ArraySlice<UInt8>
        let salt: ArraySlice<UInt8>
        let iterations: Int
        let content: ArraySlice<UInt8>

        /// `PFX ::= SEQUENCE { version, authSafe ContentInfo, macData MacData }`, `MacData ::=
        /// SEQUENCE { mac DigestInfo, macSalt OCTET STRING, iterations INTEGER DEFAULT 1 }`.
        init?(_ bytes: [UInt8]) {
            guard let pfx = DERReader(bytes).sequenceChildren(), pfx.count == 3, let content = PKCS12Contents.data(of: pfx[1]),
                  let macData = pfx[2].children, macData.count >= 2, let digestInfo = macData[0].children, digestInfo.count == 2,
                  let type = digestInfo[0].children?.first?.objectIdentifier, let algorithm = Self.algorithms[type],
                  digestInfo[1].tag == DERReader.Element.octetString, digestInfo[1].content.count == algorithm.length,
                  macData[1].tag == DERReader.Element.octetString else { return nil }
            var iterations = 1
            if macData.count >= 3 {
                guard let count = macData[2].smallInteger else { return nil }
                iterations = count
            }
            guard (1...PKCS12Password.maximumIterations).contains(iterations) else { return nil }
            self.algorithm = algorithm
            value = digestInfo[1].content
            salt = macData[1].content
            self.iterations = iterations
            self.content = content
        }

        private static let algorithms: [String: MessageDigest.Algorithm] = [
            "1.3.14.3.2.26": .sha1, "2.16.840.1.101.3.4.2.1": .sha256, "2.16.840.1.101.3.4.2.2": .sha384,
            "2.16.840.1.101.3.4.2.3": .sha512,
        ]
    }
}
