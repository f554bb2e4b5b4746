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

    /// The byte range of the line holding `offset`, without its `\n`.
    static func line(containing offset: Int, in bytes: UnsafeRawBufferPointer) -> Range<Int> {
        var start = min(offset, bytes.count)
        while start > 0 && bytes[start - 1] != UInt8(ascii: "\n") { start -= 1 }
        let end = nextNewline(in: bytes, from: start, before: bytes.count) ?? bytes.count
        return start..<end
    }

    /// The line before the one that starts at `lineStart`, if any.
    static func previousLine(before lineStart: Int, in bytes: UnsafeRawBufferPointer) -> Range<Int>? {
        guard lineStart > 0 else { return nil }
        return line(containing: lineStart - 1, in: bytes)
    }
}
