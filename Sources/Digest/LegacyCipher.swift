import CLibcrypto

/// A cipher of OpenSSL 3's legacy provider, fetched from a library context of its own, kept for
/// the life of the process.
final class LegacyCipher: Sendable {
    nonisolated(unsafe) let cipher: OpaquePointer?

    init(name: String) {
        guard let context = OSSL_LIB_CTX_new(), OSSL_PROVIDER_load(context, "legacy") != nil,
              OSSL_PROVIDER_load(context, "default") != nil else {
            cipher = nil
            return
        }
        cipher = EVP_CIPHER_fetch(context, name, nil)
    }
}
