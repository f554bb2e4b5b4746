/// The checksum of GitHub's and npm's token formats: the last 6 characters of the token body are
/// the CRC32 of the rest of the body, in base62 (`0-9A-Za-z`), left-padded with `0`.
///
/// A token that fails it was not issued by the provider: typically a hand-made example.
enum Base62Checksum {
    private static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)

    static func isValid(_ token: [UInt8]) -> Bool {
        let body = token.lastIndex(of: UInt8(ascii: "_")).map { Array(token[($0 + 1)...]) } ?? token
        guard body.count > 6 else { return false }
        let payload = body.dropLast(6)
        return Array(body.suffix(6)) == encode(CRC32.checksum(payload))
    }

    static func encode(_ value: UInt32) -> [UInt8] {
        var digits: [UInt8] = []
        var remaining = value
        repeat {
            digits.append(alphabet[Int(remaining % 62)])
            remaining /= 62
        } while remaining > 0
        while digits.count < 6 { digits.append(UInt8(ascii: "0")) }
        return digits.reversed()
    }
}

/// CRC-32 (IEEE 802.3, as zlib's `crc32`).
enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    static func checksum<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}
