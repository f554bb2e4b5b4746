import Digest

/// Whether a PKCS#12 bundle opens with a well-known password, read from its MAC (RFC 7292 §5.1,
/// Appendix B): an HMAC over the authenticated safe, keyed by the bundle's KDF from the password,
/// the salt and the iteration count the bundle carries. One key derivation per guess, as for
/// anyone who holds the file; the bundle's contents are never decrypted.
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
            // BMPString with its two zero bytes; an empty password is also tried as no bytes at all.
            let bmp: [UInt8] = password.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] } + [0, 0]
            let encodings: [[UInt8]] = password.isEmpty ? [bmp, []] : [bmp]
            return encodings.contains { encoded in
                let key = macKey(password: encoded, salt: mac.salt, iterations: mac.iterations, digest: digest)
                return mac.value.elementsEqual(digest.authenticate(mac.content, key: key))
            }
        }
    }

    /// The key of ID 3 (MAC) of RFC 7292's KDF, as long as one digest: `A = H^c(D || I)`, with
    /// `D` the ID repeated over a block and `I` the salt and password each repeated to whole blocks.
    private static func macKey(password: [UInt8], salt: ArraySlice<UInt8>, iterations: Int, digest: MessageDigest) -> [UInt8] {
        let block = digest.algorithm.blockSize
        func filled(_ bytes: some Collection<UInt8>) -> [UInt8] {
            let bytes = Array(bytes)
            guard !bytes.isEmpty else { return [] }
            let length = block * ((bytes.count + block - 1) / block)
            return (0..<length).map { bytes[$0 % bytes.count] }
        }
        digest.update([UInt8](repeating: 3, count: block))
        digest.update(filled(salt) + filled(password))
        var value = digest.finish()
        for _ in 1..<iterations {
            digest.update(value)
            value = digest.finish()
        }
        return value
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
                let count = macData[2]
                guard count.tag == DERReader.Element.integer, (1...4).contains(count.content.count), count.content.first.map({ $0 < 0x80 }) == true
                else { return nil }
                iterations = count.content.reduce(0) { $0 << 8 | Int($1) }
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
