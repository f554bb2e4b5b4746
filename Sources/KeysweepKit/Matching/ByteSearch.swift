#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Substring search in raw bytes: `memchr` for the needle's first byte, then `memcmp`, so a blob
/// is read at memory speed. (`memmem` would do, but Glibc declares it only under `_GNU_SOURCE`.)
enum ByteSearch {
    /// The offset of the first `needle` that lies inside `range` of `bytes`.
    static func firstIndex(of needle: [UInt8], in bytes: UnsafeRawBufferPointer, within range: Range<Int>) -> Int? {
        guard let base = bytes.baseAddress, let first = needle.first, range.count >= needle.count else { return nil }
        var cursor = range.lowerBound
        let lastStart = range.upperBound - needle.count
        while cursor <= lastStart {
            guard let hit = memchr(base + cursor, Int32(first), lastStart - cursor + 1) else { return nil }
            let offset = base.distance(to: UnsafeRawPointer(hit))
            if memcmp(base + offset, needle, needle.count) == 0 { return offset }
            cursor = offset + 1
        }
        return nil
    }
}
