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
        self.init(hex: hex.utf8)
    }

    /// The id spelled by 40 lowercase hex digits as bytes (a field of git's output); nil for anything else.
    init?(hex digits: some Collection<UInt8>) {
        guard let id = BlobID(hex: digits)?.objectID else { return nil }
        self = id
    }

    /// The 20 raw bytes.
    var bytes: [UInt8] { withUnsafeBytes { Array($0) } }

    var hex: String { withUnsafeBytes { $0.hexString } }

    /// Calls `body` with the 20 raw bytes, without allocating.
    func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        Swift.withUnsafeBytes(of: (high.bigEndian, middle.bigEndian, low.bigEndian)) { words in
            body(UnsafeRawBufferPointer(rebasing: words.prefix(Self.byteCount)))
        }
    }

    /// The id of no object, which diffs give for a side that is absent.
    var isNull: Bool { high == 0 && middle == 0 && low == 0 }

    /// Ids are random: one word is as good a hash as all three.
    func hash(into hasher: inout Hasher) { hasher.combine(high) }

    static func < (left: ObjectID, right: ObjectID) -> Bool {
        (left.high, left.middle, left.low) < (right.high, right.middle, right.low)
    }
}
