import CLibcrypto

/// One decryption through libcrypto's EVP interface, shared by the block-cipher modes here: a
/// padded mode checks its PKCS#7 padding in the final step, which fails on a wrong key.
enum EVPDecryption {
    /// `input` decrypted under `cipher` with `key` and `iv` (sizes checked by the caller), or nil
    /// when libcrypto refuses it.
    static func run(_ cipher: OpaquePointer, key: [UInt8], iv: [UInt8], input: [UInt8]) -> [UInt8]? {
        Libcrypto.load()
        guard input.count < Int(Int32.max) - 32, let context = EVP_CIPHER_CTX_new() else { return nil }
        defer { EVP_CIPHER_CTX_free(context) }
        var output = [UInt8](repeating: 0, count: input.count + 32)
        var written: Int32 = 0
        var finalWritten: Int32 = 0
        let done: Bool = output.withUnsafeMutableBufferPointer { buffer in
            guard EVP_DecryptInit_ex(context, cipher, nil, key, iv) == 1,
                  EVP_DecryptUpdate(context, buffer.baseAddress, &written, input, Int32(input.count)) == 1 else { return false }
            return EVP_DecryptFinal_ex(context, buffer.baseAddress.map { $0 + Int(written) }, &finalWritten) == 1
        }
        guard done else { return nil }
        return Array(output.prefix(Int(written + finalWritten)))
    }
}
