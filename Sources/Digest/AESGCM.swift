import CLibcrypto

/// AES in Galois/Counter Mode, decryption only, computed by libcrypto: for files a key the scan
/// found can open (Rails' encrypted credentials), to say what the key gives access to.
public enum AESGCM {
    /// The plaintext of `ciphertext` under `key` (16, 24 or 32 bytes) and `iv`, or nil when the
    /// tag does not authenticate it (a wrong key, a damaged file) or the sizes are not AES-GCM's.
    /// `associatedData` is authenticated with it, not encrypted.
    public static func open(_ ciphertext: [UInt8], key: [UInt8], iv: [UInt8], tag: [UInt8],
                            associatedData: [UInt8] = []) -> [UInt8]? {
        Libcrypto.load()
        let cipher: OpaquePointer?
        switch key.count {
        case 16: cipher = EVP_aes_128_gcm()
        case 24: cipher = EVP_aes_192_gcm()
        case 32: cipher = EVP_aes_256_gcm()
        default: return nil
        }
        guard !iv.isEmpty, iv.count <= 64, tag.count >= 12, tag.count <= 16,
              ciphertext.count < Int(Int32.max) - 16, let context = EVP_CIPHER_CTX_new() else { return nil }
        defer { EVP_CIPHER_CTX_free(context) }
        var tag = tag
        var plaintext = [UInt8](repeating: 0, count: ciphertext.count + 16)
        var written: Int32 = 0
        var finalWritten: Int32 = 0
        let opened: Bool = plaintext.withUnsafeMutableBufferPointer { output in
            guard EVP_DecryptInit_ex(context, cipher, nil, nil, nil) == 1,
                  EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_SET_IVLEN, Int32(iv.count), nil) == 1,
                  EVP_DecryptInit_ex(context, nil, nil, key, iv) == 1 else { return false }
            if !associatedData.isEmpty {
                var ignored: Int32 = 0
                guard EVP_DecryptUpdate(context, nil, &ignored, associatedData, Int32(associatedData.count)) == 1 else { return false }
            }
            if !ciphertext.isEmpty {
                guard EVP_DecryptUpdate(context, output.baseAddress, &written, ciphertext, Int32(ciphertext.count)) == 1 else { return false }
            }
            guard EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_SET_TAG, Int32(tag.count), &tag) == 1 else { return false }
            return EVP_DecryptFinal_ex(context, output.baseAddress.map { $0 + Int(written) }, &finalWritten) == 1
        }
        guard opened else { return nil }
        return Array(plaintext.prefix(Int(written + finalWritten)))
    }
}
