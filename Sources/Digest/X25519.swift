import CLibcrypto

/// X25519 (RFC 7748), computed by libcrypto: a key pair's public half from its private half, to
/// prove that 64 bytes written as a libsodium box key pair (Symfony's secrets vault) are one.
public enum X25519 {
    /// The public key of the 32-byte private key `scalar` (clamped as RFC 7748 and libsodium
    /// clamp it), or nil when `scalar` is not 32 bytes.
    public static func publicKey(ofPrivateKey scalar: [UInt8]) -> [UInt8]? {
        Libcrypto.load()
        guard scalar.count == 32,
              let key = EVP_PKEY_new_raw_private_key(EVP_PKEY_X25519, nil, scalar, scalar.count) else { return nil }
        defer { EVP_PKEY_free(key) }
        var publicKey = [UInt8](repeating: 0, count: 32)
        var length = publicKey.count
        guard EVP_PKEY_get_raw_public_key(key, &publicKey, &length) == 1, length == 32 else { return nil }
        return publicKey
    }
}
