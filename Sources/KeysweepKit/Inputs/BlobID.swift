/// A git object id in a repository of either hash, SHA-1 (20 bytes) or SHA-256 (32 bytes), as a
/// value: blobs, the matches found in them and their provenance are keyed by it, compared and
/// hashed without allocating. It is spelled in hex only for a git process or a message.
///
/// It wraps `ObjectID` rather than replacing it: the pack store and in-process provenance read
/// SHA-1 repositories only (SHA-256 ones go through git), and keep their 20-byte ids (24 bytes a
/// value against 40 here, in tables of every object and commit) and their index search as is.
struct BlobID: Hashable, Sendable, Comparable {
    /// The bytes, big-endian, in words; past a SHA-1 id's 20 bytes they are zero.
    private let first: UInt64
    private let second: UInt64
    private let third: UInt64
    private let fourth: UInt64
    /// 20 or 32.
    let byteCount: Int

    static let sha1ByteCount = 20
    static let sha256ByteCount = 32

    /// The id in `bytes`, which holds exactly 20 or 32 raw bytes.
    init(_ bytes: UnsafeRawBufferPointer) {
        precondition(bytes.count == Self.sha1ByteCount || bytes.count == Self.sha256ByteCount)
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: bytes) }
        first = UInt64(bigEndian: words.0)
        second = UInt64(bigEndian: words.1)
        third = UInt64(bigEndian: words.2)
        fourth = UInt64(bigEndian: words.3)
        byteCount = bytes.count
    }

    /// The id the pack store gave.
    init(_ id: ObjectID) {
        self = id.withUnsafeBytes { BlobID($0) }
    }

    /// The id spelled by 40 or 64 lowercase hex digits; nil for anything else.
    init?(hex: some StringProtocol) {
        self.init(hex: hex.utf8)
    }

    /// The id spelled by 40 or 64 lowercase hex digits (a field of git's output); nil for anything else.
    init?(hex digits: some Collection<UInt8>) {
        // Read in place where the digits are contiguous (a slice of a line of git's output): a
        // history's listing spells three ids a commit.
        let parsed = digits.withContiguousStorageIfAvailable { Self.parse(UnsafeRawBufferPointer($0)) }
        guard let id = parsed ?? Array(digits).withUnsafeBytes(Self.parse) else { return nil }
        self = id
    }

    private static func parse(_ digits: UnsafeRawBufferPointer) -> BlobID? {
        let count = digits.count
        guard count == 2 * sha1ByteCount || count == 2 * sha256ByteCount else { return nil }
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        let valid = withUnsafeMutableBytes(of: &words) { raw in
            for index in 0..<(count / 2) {
                guard let high = value(of: digits[2 * index]), let low = value(of: digits[2 * index + 1]) else { return false }
                raw[index] = high << 4 | low
            }
            return true
        }
        guard valid else { return nil }
        return Swift.withUnsafeBytes(of: words) { BlobID(UnsafeRawBufferPointer(rebasing: $0.prefix(count / 2))) }
    }

    /// The id as the pack store keys it; nil for a SHA-256 id, which it never holds.
    var objectID: ObjectID? {
        guard byteCount == Self.sha1ByteCount else { return nil }
        return withUnsafeBytes { ObjectID($0) }
    }

    /// The 40 or 64 lowercase hex digits git spells the id with.
    var hex: String { withUnsafeBytes { $0.hexString } }

    /// The id of no object, which diffs give for a side that is absent.
    var isNull: Bool { first == 0 && second == 0 && third == 0 && fourth == 0 }

    /// Calls `body` with the 20 or 32 raw bytes, without allocating.
    func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        Swift.withUnsafeBytes(of: (first.bigEndian, second.bigEndian, third.bigEndian, fourth.bigEndian)) { words in
            body(UnsafeRawBufferPointer(rebasing: words.prefix(byteCount)))
        }
    }

    /// Ids are random: one word is as good a hash as all four.
    func hash(into hasher: inout Hasher) { hasher.combine(first) }

    /// As their hex sorts, for ids of one hash.
    static func < (left: BlobID, right: BlobID) -> Bool {
        (left.byteCount, left.first, left.second, left.third, left.fourth) < (right.byteCount, right.first, right.second, right.third, right.fourth)
    }

    /// The value of a lowercase hex digit (git never spells ids in uppercase).
    private static func value(of digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
