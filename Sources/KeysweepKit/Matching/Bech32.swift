/// Bech32 (BIP 173) checksum verification, for age secret keys (`AGE-SECRET-KEY-1…`).
enum Bech32 {
    private static let alphabet = Array("qpzry9x8gf2tvdw0s3jn54khce6mua7l".utf8)
    private static let values: [Int8] = {
        var table = [Int8](repeating: -1, count: 128)
        for (index, character) in alphabet.enumerated() {
            table[Int(character)] = Int8(index)
            if (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(character) { table[Int(character - 32)] = Int8(index) }
        }
        return table
    }()

    /// An age X25519 identity: human-readable part `age-secret-key-`, 32 bytes of key, valid checksum.
    static func isAgeSecretKey(_ secret: [UInt8]) -> Bool {
        guard let (humanPart, data) = decode(secret), humanPart == Array("age-secret-key-".utf8) else { return false }
        return data.count - 6 == 52  // 32 bytes as 5-bit groups, then the 6-group checksum
    }

    /// The lowercased human-readable part and the 5-bit data groups (checksum included), when the
    /// checksum verifies.
    static func decode(_ text: [UInt8]) -> (humanPart: [UInt8], data: [UInt8])? {
        guard let separator = text.lastIndex(of: UInt8(ascii: "1")), separator > 0, text.count - separator - 1 >= 6 else { return nil }
        let hasLower = text.contains { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) }
        let hasUpper = text.contains { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }
        guard !(hasLower && hasUpper) else { return nil }
        let humanPart = text[..<separator].map { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) ? $0 + 32 : $0 }
        var data: [UInt8] = []
        for character in text[(separator + 1)...] {
            guard character < 128, values[Int(character)] >= 0 else { return nil }
            data.append(UInt8(values[Int(character)]))
        }
        let expanded = humanPart.map { $0 >> 5 } + [0] + humanPart.map { $0 & 31 }
        guard polymod(expanded + data) == 1 else { return nil }
        return (humanPart, data)
    }

    private static func polymod(_ values: [UInt8]) -> UInt32 {
        let generators: [UInt32] = [0x3b6a_57b2, 0x2650_8e6d, 0x1ea1_19fa, 0x3d42_33dd, 0x2a14_62b3]
        var checksum: UInt32 = 1
        for value in values {
            let top = checksum >> 25
            checksum = (checksum & 0x1ff_ffff) << 5 ^ UInt32(value)
            for (bit, generator) in generators.enumerated() where (top >> bit) & 1 == 1 { checksum ^= generator }
        }
        return checksum
    }
}
