import CLibcrypto

/// libcrypto's one-time setup, done the same way whichever entry point of this module runs first.
///
/// libcrypto sets itself up on first use by reading the system's `openssl.cnf` and filling its
/// tables of cipher and digest names, and registers a cleanup that runs at exit: 2 ms of a
/// process that hashes one git object, measured against 0.2 ms without them. This module names
/// its algorithms by function (`EVP_sha1()`) or fetches them from a library context of its own,
/// so it needs neither; and the system's configuration should not change what a scan decrypts.
enum Libcrypto {
    /// Call before the first libcrypto function; later calls cost a load of a flag.
    static func load() {
        _ = loaded
    }

    private static let loaded: Bool = {
        let options = UInt64(OPENSSL_INIT_NO_LOAD_CONFIG | OPENSSL_INIT_NO_ADD_ALL_CIPHERS
                             | OPENSSL_INIT_NO_ADD_ALL_DIGESTS | OPENSSL_INIT_NO_ATEXIT)
        return OPENSSL_init_crypto(options, nil) == 1
    }()
}
