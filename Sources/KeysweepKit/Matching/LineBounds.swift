#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finding line boundaries in raw bytes with `memchr`.
enum LineBounds {
    static let newline = Int32(UInt8(ascii: "\n"))

    /// The offset of the first `\n` in `from..<before`, or nil.
    static func nextNewline(in bytes: UnsafeRawBufferPointer, from start: Int, before end: Int) -> Int? {
        guard let base = bytes.baseAddress, start < end else { return nil }
        guard let found = memchr(base + start, newline, end - start) else { return nil }
        return base.distance(to: UnsafeRawPointer(found))
    }
}
