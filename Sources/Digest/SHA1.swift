import CLibcrypto

/// SHA-1 as git uses it for object ids and pack checksums, computed by OpenSSL's libcrypto.
///
/// libcrypto rather than our own code: it uses the CPU's SHA instructions (1.9 GB/s measured on
/// this machine kind by `openssl speed -evp sha1`), which keeps checking every pack of a history
/// cheap. Not thread-safe: each thread owns its hasher.
public final class SHA1 {
    /// Bytes in a digest.
    public static let length = 20
    private let context: OpaquePointer

    public init() {
        Libcrypto.load()
        // It allocates a few hundred bytes; failing that, nothing else would run either.
        guard let context = EVP_MD_CTX_new() else { fatalError("libcrypto: out of memory") }
        self.context = context
        EVP_DigestInit_ex(context, EVP_sha1(), nil)
    }

    deinit { EVP_MD_CTX_free(context) }

    /// Adds `bytes` to the digest.
    public func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        EVP_DigestUpdate(context, base, bytes.count)
    }

    /// Adds `bytes` to the digest.
    public func update(_ bytes: some ContiguousBytes) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// The digest of everything added since the last `finish` (or `init`); the hasher starts over.
    public func finish() -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: 64)
        var length: UInt32 = 0
        EVP_DigestFinal_ex(context, &digest, &length)
        EVP_DigestInit_ex(context, EVP_sha1(), nil)
        return Array(digest.prefix(Int(length)))
    }

    /// The digest of `bytes`.
    public static func hash(_ bytes: some ContiguousBytes) -> [UInt8] {
        let hasher = SHA1()
        hasher.update(bytes)
        return hasher.finish()
    }
}

/// Types whose bytes are contiguous in memory (arrays, slices, buffers).
public protocol ContiguousBytes {
    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R
}

extension Array: ContiguousBytes where Element == UInt8 {}
extension ArraySlice: ContiguousBytes where Element == UInt8 {}
extension UnsafeRawBufferPointer: ContiguousBytes {
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R { try body(self) }
}
