import CLibcrypto

/// AES in cipher block chaining mode with PKCS#7 padding, decryption only, computed by libcrypto:
/// for files a key the scan found can open (Laravel's encrypted environment files), to say what
/// the key gives access to. CBC does not authenticate: callers check the file's MAC first.
public enum AESCBC {
    /// The plaintext of `ciphertext` under `key` (16, 24 or 32 bytes) and a 16-byte `iv`, or nil when
    /// the sizes are not AES-CBC's or the padding is not PKCS#7's (a wrong key, a damaged file).
    public static func open(_ ciphertext: [UInt8], key: [UInt8], iv: [UInt8]) -> [UInt8]? {
        let cipher: OpaquePointer?
        switch key.count {
        case 16: cipher = EVP_aes_128_cbc()
        case 24: cipher = EVP_aes_192_cbc()
        case 32: cipher = EVP_aes_256_cbc()
        default: return nil
        }
        guard let cipher, iv.count == 16, !ciphertext.isEmpty, ciphertext.count % 16 == 0 else { return nil }
        return EVPDecryption.run(cipher, key: key, iv: iv, input: ciphertext)
    }
}
