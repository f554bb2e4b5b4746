#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Shannon entropy of a byte string.
enum Entropy {
    /// Bits per byte: 0 for a repeated byte, up to 8 for uniformly random bytes.
    static func shannon<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Double {
        guard !bytes.isEmpty else { return 0 }
        var counts = [Int](repeating: 0, count: 256)
        for byte in bytes { counts[Int(byte)] += 1 }
        let total = Double(bytes.count)
        var bits = 0.0
        for count in counts where count > 0 {
            let probability = Double(count) / total
            bits -= probability * log2(probability)
        }
        return bits
    }

    /// The threshold a generic rule applies to `value`: its `minimum`, except for a value of 20 or
    /// more hex digits (letters and digits both), which is held to `hexMinimum` instead.
    ///
    /// Shannon entropy is capped by the alphabet (16 symbols: 4 bits) and by the length: random
    /// 32-digit hex values score 3.61 on average, 18.5% of them below 3.5 and 0.01% below 3.0
    /// (20,000 draws); of 24 digits (Sendbird's tokens) 55% fall below 3.5 and 0.6% below 3.0, of
    /// 20 digits 78% and 2.8%. Random base62 values of 32 characters score about 4.6. One threshold
    /// for both rejects real hex keys (`tomtom_key=b3188f2f73a340fb39a7f743dc74b78f`, 3.40) that a
    /// scanner looking for base62 keys would never miss. Hex runs of 40 and 64 digits (digests) are turned away
    /// elsewhere (`AssignmentValueFilter.looksLikeDigestOrUUID`). A UUID's four dashes do not
    /// widen its alphabet: 4% of random version 4 UUIDs score below 3.5.
    static func genericThreshold(_ minimum: Double, for value: [UInt8]) -> Double {
        guard value.count >= 20 else { return minimum }
        let isUUIDLength = value.count == 36
        var letters = false, digits = false
        for (offset, byte) in value.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits = true
            case UInt8(ascii: "a")...UInt8(ascii: "f"), UInt8(ascii: "A")...UInt8(ascii: "F"): letters = true
            case UInt8(ascii: "-") where isUUIDLength && AssignmentValueFilter.uuidDashOffsets.contains(offset): continue
            default: return minimum
            }
        }
        return letters && digits ? min(minimum, hexMinimum) : minimum
    }

    /// What a random hex value of 32 digits or more clears almost always.
    static let hexMinimum = 3.0
}
