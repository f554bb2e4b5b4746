import CLibcrypto

/// AES in cipher block chaining mode with PKCS#7 padding, decryption only, computed by libcrypto:
/// for files a key the scan found can open (Laravel's encrypted environment files), to say what
/// the key gives access to. CBC does not authenticate: callers check the file's MAC first.
public enum AESCBC {
    /// The plaintext of `ciphertext` under `key` (16 or 32 bytes) and a 16-byte `iv`, or nil when
    /// the sizes are not AES-CBC's or the padding is not PKCS#7's (a wrong key, a damaged file).
    public static func open(_ ciphertext: [UInt8], key: [UInt8], iv: [UInt8]) -> [UInt8]? {
        let cipher: OpaquePointer?
        switch key.count {
        case 16: cipher = EVP_aes_128_cbc()
        case 32: cipher = EVP_aes_256_cbc()
        default: return nil
        }
        guard iv.count == 16, !ciphertext.isEmpty, ciphertext.count % 16 == 0, ciphertext.count < Int(Int32.max) - 16,
              let context = EVP_CIPHER_CTX_new() else { return nil }
        defer { EVP_CIPHER_CTX_free(context) }
        var plaintext = [UInt8](repeating: 0, count: ciphertext.count + 16)
        var written: Int32 = 0
        var finalWritten: Int32 = 0
        let opened: Bool = plaintext.withUnsafeMutableBufferPointer { output in
            guard EVP_DecryptInit_ex(context, cipher, nil, key, iv) == 1,
                  EVP_DecryptUpdate(context, output.baseAddress, &written, ciphertext, Int32(ciphertext.count)) == 1 else { return false }
            return EVP_DecryptFinal_ex(context, output.baseAddress.map { $0 + Int(written) }, &finalWritten) == 1
        }
        guard opened else { return nil }
        return Array(plaintext.prefix(Int(written + finalWritten)))
    }
}
