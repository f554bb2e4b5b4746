import CLibcrypto

/// SHA-1 or a SHA-2 digest chosen at run time, computed by libcrypto: for checks whose data name
/// their digest (a PKCS#12 bundle's MAC). Not thread-safe: each user owns its hasher.
public final class MessageDigest {
    public enum Algorithm: Sendable, CaseIterable {
        case sha1, sha256, sha384, sha512

        /// Bytes in a digest.
        public var length: Int {
            switch self {
            case .sha1: 20
            case .sha256: 32
            case .sha384: 48
            case .sha512: 64
            }
        }

        /// Bytes in a block of the compression function (HMAC pads its key to this).
        public var blockSize: Int { self == .sha384 || self == .sha512 ? 128 : 64 }

        var evp: OpaquePointer? {
            switch self {
            case .sha1: EVP_sha1()
            case .sha256: EVP_sha256()
            case .sha384: EVP_sha384()
            case .sha512: EVP_sha512()
            }
        }
    }

    public let algorithm: Algorithm
    private let context: OpaquePointer

    public init(_ algorithm: Algorithm) {
        Libcrypto.load()
        // It allocates a few hundred bytes; failing that, nothing else would run either.
        guard let context = EVP_MD_CTX_new() else { fatalError("libcrypto: out of memory") }
        self.algorithm = algorithm
        self.context = context
        EVP_DigestInit_ex(context, algorithm.evp, nil)
    }

    deinit { EVP_MD_CTX_free(context) }

    /// Adds `bytes` to the digest.
    public func update(_ bytes: some ContiguousBytes) {
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress, !buffer.isEmpty else { return }
            EVP_DigestUpdate(context, base, buffer.count)
        }
    }

    /// The digest of everything added since the last `finish` (or `init`); the hasher starts over.
    public func finish() -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: 64)
        var length: UInt32 = 0
        EVP_DigestFinal_ex(context, &digest, &length)
        EVP_DigestInit_ex(context, algorithm.evp, nil)
        return Array(digest.prefix(Int(length)))
    }

    /// HKDF (RFC 5869) of `inputKey` with `salt` (none: a block of zeros) and `info`: `length`
    /// bytes, at most 255 digests.
    public func deriveKey(_ inputKey: [UInt8], salt: [UInt8] = [], info: [UInt8] = [], length: Int) -> [UInt8] {
        let pseudorandomKey = authenticate(inputKey, key: salt.isEmpty ? [UInt8](repeating: 0, count: algorithm.length) : salt)
        var output: [UInt8] = []
        var block: [UInt8] = []
        var counter: UInt8 = 1
        while output.count < length, counter > 0 {
            block = authenticate(block + info + [counter], key: pseudorandomKey)
            output += block
            counter &+= 1
        }
        return Array(output.prefix(length))
    }

    /// HMAC (RFC 2104) of `message` under `key`.
    public func authenticate(_ message: some ContiguousBytes, key: [UInt8]) -> [UInt8] {
        var block = key.count > algorithm.blockSize ? { update(key); return finish() }() : key
        block += [UInt8](repeating: 0, count: algorithm.blockSize - block.count)
        update(block.map { $0 ^ 0x36 })
        update(message)
        let inner = finish()
        update(block.map { $0 ^ 0x5C })
        update(inner)
        return finish()
    }
}
