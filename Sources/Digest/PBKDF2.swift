import CLibcrypto

/// PBKDF2 with HMAC-SHA256 or HMAC-SHA512 (RFC 8018), computed by libcrypto: how Ansible Vault,
/// Jasypt's `PBEWITHHMACSHA512ANDAES_256` and PKCS#12's PBES2 turn a password into keys.
public enum PBKDF2 {
    /// `length` bytes derived from `password` and `salt` in `iterations` rounds of HMAC-SHA256;
    /// nil when libcrypto refuses the sizes.
    public static func sha256(password: [UInt8], salt: [UInt8], iterations: Int, length: Int) -> [UInt8]? {
        derive(password: password, salt: salt, iterations: iterations, length: length, digest: EVP_sha256())
    }

    /// The same with HMAC-SHA512.
    public static func sha512(password: [UInt8], salt: [UInt8], iterations: Int, length: Int) -> [UInt8]? {
        derive(password: password, salt: salt, iterations: iterations, length: length, digest: EVP_sha512())
    }

    /// The same with the HMAC of `digest` (PBES2 names its pseudo-random function).
    public static func derive(password: [UInt8], salt: [UInt8], iterations: Int, length: Int,
                              digest: MessageDigest.Algorithm) -> [UInt8]? {
        derive(password: password, salt: salt, iterations: iterations, length: length, digest: digest.evp)
    }

    private static func derive(password: [UInt8], salt: [UInt8], iterations: Int, length: Int,
                               digest: OpaquePointer?) -> [UInt8]? {
        Libcrypto.load()
        guard iterations > 0, iterations <= Int(Int32.max), length > 0, length <= 1024,
              password.count < Int(Int32.max), salt.count < Int(Int32.max) else { return nil }
        var output = [UInt8](repeating: 0, count: length)
        let status = password.withUnsafeBufferPointer { passwordBytes in
            passwordBytes.withMemoryRebound(to: CChar.self) { passwordChars in
                PKCS5_PBKDF2_HMAC(passwordChars.baseAddress, Int32(password.count), salt, Int32(salt.count),
                                  Int32(iterations), digest, Int32(length), &output)
            }
        }
        return status == 1 ? output : nil
    }
}
