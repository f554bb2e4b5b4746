import CLibcrypto

/// AES-256 in counter mode, computed by libcrypto: Ansible Vault's cipher, for vault texts that a
/// password the scan found opens. CTR does not authenticate: callers check the text's MAC first.
public enum AESCTR {
    /// `input` transformed under a 32-byte `key` from the 16-byte initial counter block `iv`
    /// (encryption and decryption are the same operation), or nil when the sizes are not these.
    public static func apply(_ input: [UInt8], key: [UInt8], iv: [UInt8]) -> [UInt8]? {
        guard key.count == 32, iv.count == 16, let cipher = EVP_aes_256_ctr() else { return nil }
        return EVPDecryption.run(cipher, key: key, iv: iv, input: input)
    }
}
