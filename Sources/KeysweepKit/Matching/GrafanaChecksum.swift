/// The checksum of Grafana service account tokens (`glsa_<32 characters>_<8 hex>`): the CRC32
/// (IEEE) of everything before the last `_`, its four bytes least significant first, in
/// lowercase hex. A token that fails it was not issued by Grafana.
enum GrafanaChecksum {
    static func isValid(_ token: [UInt8]) -> Bool {
        guard let separator = token.lastIndex(of: UInt8(ascii: "_")), token.count - separator - 1 == 8 else { return false }
        let crc = CRC32.checksum(token[..<separator])
        let digits = Array("0123456789abcdef".utf8)
        var expected: [UInt8] = []
        for shift in stride(from: 0, to: 32, by: 8) {
            let byte = UInt8(truncatingIfNeeded: crc >> UInt32(shift))
            expected += [digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]]
        }
        return Array(token[(separator + 1)...]).map { $0 | 0x20 } == expected
    }
}
