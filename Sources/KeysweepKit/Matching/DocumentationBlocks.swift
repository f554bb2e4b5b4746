#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Documentation that a source file holds as string constants: Ansible modules' `DOCUMENTATION`,
/// `EXAMPLES` and `RETURN` blocks (`EXAMPLES = r'''` ... `'''` at the start of a line).
///
/// Their values are written for readers (Azure shared keys, a base64 "Hello from Google Cloud
/// Platform", a Windows product key in a module's examples), so a secret inside one has the
/// context `example` (`EXAMPLES`) or `docs` (the others), as it would in a Markdown page: lower
/// severity, never hidden. The path still decides first (a test file stays `test`).
struct DocumentationBlocks {
    private var blocks: [(range: Range<Int>, context: LocationContext)] = []

    private static let names: [(name: [UInt8], context: LocationContext)] = [
        (Array("EXAMPLES".utf8), .example), (Array("DOCUMENTATION".utf8), .docs), (Array("RETURN".utf8), .docs),
    ]

    init(in bytes: UnsafeRawBufferPointer) {
        var lineStart = 0
        while lineStart < bytes.count {
            if let (context, bodyStart, quote) = Self.opening(at: lineStart, in: bytes) {
                let end = Self.find(quote, in: bytes, from: bodyStart) ?? bytes.count
                blocks.append((bodyStart..<end, context))
                lineStart = end
            }
            guard let newline = Self.find([UInt8(ascii: "\n")], in: bytes, from: lineStart) else { break }
            lineStart = newline + 1
        }
    }

    /// The context of the block that holds `offset`, if any.
    func context(at offset: Int) -> LocationContext? {
        blocks.first { $0.range.contains(offset) }?.context
    }

    /// `NAME = r'''` (or `"""`, with an optional `r`, `u` or `b` prefix) at `start`: the block's
    /// context, where its text begins and the quote that closes it.
    private static func opening(at start: Int, in bytes: UnsafeRawBufferPointer) -> (LocationContext, Int, [UInt8])? {
        guard start < bytes.count, (UInt8(ascii: "D")...UInt8(ascii: "R")).contains(bytes[start]) else { return nil }
        for (name, context) in names where bytes.count - start > name.count && bytes[start..<(start + name.count)].elementsEqual(name) {
            var index = start + name.count
            while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else { return nil }
            index += 1
            while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
            if index < bytes.count, "rRuUbB".utf8.contains(bytes[index]) { index += 1 }
            guard index + 3 <= bytes.count, bytes[index] == bytes[index + 1], bytes[index] == bytes[index + 2],
                  bytes[index] == UInt8(ascii: "'") || bytes[index] == UInt8(ascii: "\"") else { return nil }
            return (context, index + 3, Array(repeating: bytes[index], count: 3))
        }
        return nil
    }

    /// Where `needle` next occurs from `start`: `memchr` finds each candidate first byte.
    private static func find(_ needle: [UInt8], in bytes: UnsafeRawBufferPointer, from start: Int) -> Int? {
        guard let first = needle.first, let base = bytes.baseAddress else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            guard let hit = memchr(base + index, Int32(first), bytes.count - index) else { return nil }
            let offset = base.distance(to: UnsafeRawPointer(hit))
            guard offset + needle.count <= bytes.count else { return nil }
            if bytes[offset..<(offset + needle.count)].elementsEqual(needle) { return offset }
            index = offset + 1
        }
        return nil
    }
}
