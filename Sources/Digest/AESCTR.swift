import CLibcrypto

/// AES-256 in counter mode, computed by libcrypto: Ansible Vault's cipher, for vault texts that a
/// password the scan found opens. CTR does not authenticate: callers check the text's MAC first.
public enum AESCTR {
    /// `input` transformed under a 32-byte `key` from the 16-byte initial counter block `iv`
    /// (encryption and decryption are the same operation), or nil when the sizes are not these.
    public static func apply(_ input: [UInt8], key: [UInt8], iv: [UInt8]) -> [UInt8]? {
        guard key.count == 32, iv.count == 16, input.count < Int(Int32.max) - 16,
              let context = EVP_CIPHER_CTX_new() else { return nil }
        defer { EVP_CIPHER_CTX_free(context) }
        var output = [UInt8](repeating: 0, count: input.count + 16)
        var written: Int32 = 0
        var finalWritten: Int32 = 0
        let done: Bool = output.withUnsafeMutableBufferPointer { buffer in
            guard EVP_DecryptInit_ex(context, EVP_aes_256_ctr(), nil, key, iv) == 1,
                  EVP_DecryptUpdate(context, buffer.baseAddress, &written, input, Int32(input.count)) == 1 else { return false }
            return EVP_DecryptFinal_ex(context, buffer.baseAddress.map { $0 + Int(written) }, &finalWritten) == 1
        }
        guard done else { return nil }
        return Array(output.prefix(Int(written + finalWritten)))
    }
}
