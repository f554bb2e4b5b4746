/// A SHA-1 git object id as a value: 20 bytes in three words, compared and hashed without
/// allocating (a hex `String` costs an allocation and 40 bytes per id).
struct ObjectID: Hashable, Sendable, Comparable {
    private let high: UInt64
    private let middle: UInt64
    private let low: UInt32

    static let byteCount = 20

    /// The id in `bytes`, which holds exactly 20 raw bytes.
    init(_ bytes: UnsafeRawBufferPointer) {
        precondition(bytes.count == Self.byteCount)
        high = UInt64(bigEndian: bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self))
        middle = UInt64(bigEndian: bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        low = UInt32(bigEndian: bytes.loadUnaligned(fromByteOffset: 16, as: UInt32.self))
    }

    /// The id spelled by 40 lowercase hex digits; nil for anything else.
    init?(hex: some StringProtocol) {
        let digits = Array(hex.utf8)
        guard digits.count == 2 * Self.byteCount else { return nil }
        var raw = [UInt8](repeating: 0, count: Self.byteCount)
        for index in 0..<Self.byteCount {
            guard let first = Self.value(of: digits[2 * index]), let second = Self.value(of: digits[2 * index + 1]) else { return nil }
            raw[index] = first << 4 | second
        }
        self = raw.withUnsafeBytes { ObjectID($0) }
    }

    /// The 20 raw bytes.
    var bytes: [UInt8] {
        withUnsafeBytes(of: (high.bigEndian, middle.bigEndian, low.bigEndian)) { Array($0.prefix(Self.byteCount)) }
    }

    var hex: String { bytes.hexString }

    /// The id of no object, which diffs give for a side that is absent.
    var isNull: Bool { high == 0 && middle == 0 && low == 0 }

    /// Ids are random: one word is as good a hash as all three.
    func hash(into hasher: inout Hasher) { hasher.combine(high) }

    static func < (left: ObjectID, right: ObjectID) -> Bool {
        (left.high, left.middle, left.low) < (right.high, right.middle, right.low)
    }

    private static func value(of digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
