/// A Ceph (cephx) secret as keyrings and `ceph auth get-key` print it: base64 of 28 bytes, a
/// little-endian key type (1, AES), the creation time (seconds and nanoseconds), the length 16,
/// then the 16-byte key. The type and length make a random look-alike one in 2^32.
enum CephKey {
    static func isValid(_ secret: [UInt8]) -> Bool {
        guard let bytes = LenientBase64.decode(secret), bytes.count == 28 else { return false }
        return bytes[0] == 1 && bytes[1] == 0 && bytes[10] == 16 && bytes[11] == 0
    }
}
