import CLibcrypto

/// AES in electronic codebook mode with PKCS#7 padding, decryption only, computed by libcrypto:
/// what Jenkins' `DefaultConfidentialStore` seals its key files with under the master key. ECB
/// does not authenticate: callers check what the plaintext must hold.
public enum AESECB {
    /// The plaintext of `ciphertext` under a 16-byte `key`, or nil when the sizes are not
    /// AES-128-ECB's or the padding is not PKCS#7's (a wrong key, a damaged file).
    public static func open(_ ciphertext: [UInt8], key: [UInt8]) -> [UInt8]? {
        guard key.count == 16, let cipher = EVP_aes_128_ecb(), !ciphertext.isEmpty, ciphertext.count % 16 == 0 else { return nil }
        return EVPDecryption.run(cipher, key: key, iv: [], input: ciphertext)
    }
}
