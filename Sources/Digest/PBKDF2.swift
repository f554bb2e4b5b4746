import CLibcrypto

/// PBKDF2 with the HMAC of SHA-1 or a SHA-2 digest (RFC 8018), computed by libcrypto: how Ansible
/// Vault (SHA-256), Jasypt's `PBEWITHHMACSHA512ANDAES_256` and PKCS#12's PBES2 (the digest it
/// names) turn a password into keys.
public enum PBKDF2 {
    /// `length` bytes derived from `password` and `salt` in `iterations` rounds of the HMAC of
    /// `digest`; nil when libcrypto refuses the sizes.
    public static func derive(password: [UInt8], salt: [UInt8], iterations: Int, length: Int,
                              digest: MessageDigest.Algorithm) -> [UInt8]? {
        Libcrypto.load()
        guard iterations > 0, iterations <= Int(Int32.max), length > 0, length <= 1024,
              password.count < Int(Int32.max), salt.count < Int(Int32.max) else { return nil }
        var output = [UInt8](repeating: 0, count: length)
        let status = password.withUnsafeBufferPointer { passwordBytes in
            passwordBytes.withMemoryRebound(to: CChar.self) { passwordChars in
                PKCS5_PBKDF2_HMAC(passwordChars.baseAddress, Int32(password.count), salt, Int32(salt.count),
                                  Int32(iterations), digest.evp, Int32(length), &output)
            }
        }
        return status == 1 ? output : nil
    }
}
