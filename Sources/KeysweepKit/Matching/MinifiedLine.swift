/// Whether a value sits on a line of minified code: more than `longest` bytes besides the value
/// itself without a line break, as bundlers and code generators write (`editor.main.js`, a line
/// of 500 KB). There every value without quotes is an expression (`_usedEndToken=1===s.length?h:null`,
/// `e&&39===e.kind?e:void`), since code has no unquoted string literals; quoted values are judged
/// as anywhere else (a bundle is where a web app's keys end up).
///
/// The value's own bytes do not count (a token of 1,000 bytes alone on its line, `TOKEN=eyJ…` in
/// a `.env`, is no minified code), and an escaped line break (`\n`) ends a line as a real one does:
/// a YAML file stored in a SQL row or a JSON string (Nacos' configuration in jeecg-boot's
/// `tables_nacos.sql`, 5 KB per line) keeps its settings on lines of their own.
enum MinifiedLine {
    /// Longer than any line of configuration or hand-written code.
    static let longest = 1_000

    /// Whether the line holding `span` has more than `longest` other bytes: at most `longest + 1`
    /// bytes are read on each side, so a blob of one long line costs the same per value as any other.
    static func holds(_ span: Range<Int>, in bytes: UnsafeRawBufferPointer) -> Bool {
        var before = 0
        while before <= longest, span.lowerBound - before > 0, !endsLine(at: span.lowerBound - before - 1, in: bytes) {
            before += 1
        }
        var after = 0
        while before + after <= longest, span.upperBound + after < bytes.count,
              !endsLine(at: span.upperBound + after, in: bytes) {
            after += 1
        }
        return before + after > longest
    }

    /// A line feed, or the `n` of an escaped one (`\n`), is at `offset`.
    private static func endsLine(at offset: Int, in bytes: UnsafeRawBufferPointer) -> Bool {
        let byte = bytes[offset]
        if byte == UInt8(ascii: "\n") { return true }
        if byte == UInt8(ascii: "n"), offset > 0, bytes[offset - 1] == UInt8(ascii: "\\") { return true }
        // The backslash of an escaped line feed ahead.
        return byte == UInt8(ascii: "\\") && offset + 1 < bytes.count && bytes[offset + 1] == UInt8(ascii: "n")
    }
}
