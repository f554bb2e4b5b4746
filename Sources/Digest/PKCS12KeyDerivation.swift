import CLibcrypto

/// The key derivation of PKCS#12 (RFC 7292, Appendix B), computed by libcrypto: how a bundle
/// turns its password into the key of its MAC and the keys and IVs of its own PBE schemes.
public enum PKCS12KeyDerivation {
    /// What the derived bytes are for: the diversifier `ID` of Appendix B.3.
    public enum Purpose: Int32, Sendable {
        case encryptionKey = 1, initializationVector = 2, macKey = 3
    }

    /// `length` bytes for `purpose` from `password` (already a BMPString with its two zero bytes,
    /// or no bytes for a bundle made without a password), `salt` and `iterations` rounds of
    /// `digest`; nil when libcrypto refuses the sizes.
    public static func derive(password: [UInt8], salt: [UInt8], iterations: Int, purpose: Purpose, length: Int,
                              digest: MessageDigest.Algorithm) -> [UInt8]? {
        Libcrypto.load()
        guard iterations > 0, iterations <= Int(Int32.max), length > 0, length <= 1024,
              password.count < Int(Int32.max), salt.count < Int(Int32.max) else { return nil }
        var password = password, salt = salt
        var output = [UInt8](repeating: 0, count: length)
        let status = PKCS12_key_gen_uni(&password, Int32(password.count), &salt, Int32(salt.count), purpose.rawValue,
                                        Int32(iterations), Int32(length), &output, digest.evp)
        return status == 1 ? output : nil
    }
}
