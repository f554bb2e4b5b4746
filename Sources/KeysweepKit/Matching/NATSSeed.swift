/// A NATS NKey seed as `nsc`, `nk -gen` and `.creds` files write it: base32 (RFC 4648, no
/// padding) of 36 bytes, two prefix bytes (the seed marker, 18, then the key's type: user,
/// account, operator, server, cluster or curve), the 32-byte Ed25519 seed, and a CRC-16
/// (XMODEM) of all that, little-endian. One random look-alike in 65,536 passes the checksum.
enum NATSSeed {
    static func isValid(_ secret: [UInt8]) -> Bool {
        guard secret.count == 58, let raw = base32Decoded(secret), raw.count == 36, raw[0] & 0xF8 == seedMarker else { return false }
        let type = (raw[0] & 0x07) << 5 | raw[1] >> 3
        guard keyTypes.contains(type) else { return false }
        return crc16(raw[0..<34]) == UInt16(raw[34]) | UInt16(raw[35]) << 8
    }

    /// `18 << 3`: the prefix byte of a seed, whose low three bits carry the type's top bits.
    private static let seedMarker: UInt8 = 144

    /// The prefix bytes of the public key types: operator (`O`), server (`N`), cluster (`C`),
    /// account (`A`), user (`U`) and curve (`X`).
    private static let keyTypes: Set<UInt8> = [112, 104, 16, 0, 160, 184]

    /// RFC 4648 base32 without padding; the bits left over at the end are dropped.
    private static func base32Decoded(_ text: [UInt8]) -> [UInt8]? {
        var (bytes, buffer, bits) = ([UInt8](), UInt32(0), 0)
        bytes.reserveCapacity(text.count * 5 / 8)
        for character in text {
            let value: UInt8
            switch character {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = character - UInt8(ascii: "A")
            case UInt8(ascii: "2")...UInt8(ascii: "7"): value = character - UInt8(ascii: "2") + 26
            default: return nil
            }
            buffer = buffer << 5 | UInt32(value)
            bits += 5
            if bits >= 8 {
                bits -= 8
                bytes.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
            }
        }
        return bytes
    }

    /// CRC-16/XMODEM: polynomial 0x1021, starting from zero.
    private static func crc16(_ bytes: ArraySlice<UInt8>) -> UInt16 {
        var crc: UInt16 = 0
        for byte in bytes {
            crc ^= UInt16(byte) << 8
            for _ in 0..<8 { crc = crc & 0x8000 != 0 ? crc << 1 ^ 0x1021 : crc << 1 }
        }
        return crc
    }
}
