/// Whether a value sits on a line of minified code: more than `longest` bytes besides the value
/// itself without a line break, as bundlers and code generators write (`editor.main.js`, a line
/// of 500 KB). There every value without quotes is an expression (`_usedEndToken=1===s.length?h:null`,
/// `e&&39===e.kind?e:void`), since code has no unquoted string literals; quoted values are judged
/// as anywhere else (a bundle is where a web app's keys end up). The value's own bytes do not
/// count: a token of 1,000 bytes (`TOKEN=eyJ…` in a `.env`) is no minified code.
enum MinifiedLine {
    /// Longer than any line of configuration or hand-written code.
    static let longest = 1_000

    /// Whether the line holding `span` has more than `longest` other bytes: at most `longest + 1`
    /// bytes are read on each side, so a blob of one long line costs the same per value as any other.
    static func holds(_ span: Range<Int>, in bytes: UnsafeRawBufferPointer) -> Bool {
        let newline = UInt8(ascii: "\n")
        var start = span.lowerBound
        while start > 0, span.lowerBound - start <= longest, bytes[start - 1] != newline { start -= 1 }
        let limit = min(bytes.count, span.upperBound + longest + 1)
        let end = LineBounds.nextNewline(in: bytes, from: span.upperBound, before: limit) ?? limit
        return (span.lowerBound - start) + (end - span.upperBound) > longest
    }
}
