import CLibcrypto

/// PKCS #5 v1.5 PBES1 with MD5 and DES-CBC (Java's `PBEWithMD5AndDES`, Jasypt's default before
/// jasypt-spring-boot 3), decryption only: for values that a password the scan found opens.
/// Single DES lives in OpenSSL 3's legacy provider, loaded into a library context of its own so
/// that the rest of the process keeps the default one; where that provider is missing, nothing
/// opens.
public enum PBEWithMD5AndDES {
    /// The plaintext of `ciphertext` under the key and IV that `iterations` rounds of MD5 derive
    /// from `password` and the 8-byte `salt`, or nil when the sizes or the padding are wrong.
    public static func open(_ ciphertext: [UInt8], password: [UInt8], salt: [UInt8], iterations: Int) -> [UInt8]? {
        Libcrypto.load()
        guard salt.count == 8, iterations > 0, iterations <= 100_000, !ciphertext.isEmpty, ciphertext.count % 8 == 0,
              let cipher = desCBC.cipher,
              let derived = derive(password: password, salt: salt, iterations: iterations) else { return nil }
        return EVPDecryption.run(cipher, key: Array(derived[0..<8]), iv: Array(derived[8..<16]), input: ciphertext)
    }

    /// MD5 applied `iterations` times to the password then the salt: 16 bytes, the DES key and IV.
    private static func derive(password: [UInt8], salt: [UInt8], iterations: Int) -> [UInt8]? {
        var digest = password + salt
        for _ in 0..<iterations {
            var output = [UInt8](repeating: 0, count: 16)
            var length: UInt32 = 0
            guard EVP_Digest(digest, digest.count, &output, &length, EVP_md5(), nil) == 1, length == 16 else { return nil }
            digest = output
        }
        return digest
    }

    /// DES-CBC fetched once from a library context with the legacy and default providers.
    private static let desCBC = LegacyCipher(name: "DES-CBC")
}
