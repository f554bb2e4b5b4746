/// A 1-based line and column in a blob. Columns count Unicode scalars (UTF-8 lead bytes), so they
/// agree with editors and with SARIF's `unicodeCodePoints` column kind.
public struct TextPosition: Sendable, Hashable, Comparable, Codable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: TextPosition, rhs: TextPosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// Turns byte offsets into line and column positions in one forward pass over the bytes.
enum TextPositionResolver {
    /// Positions of `offsets` (any order, duplicates allowed), keyed by offset.
    static func resolve(_ offsets: [Int], in bytes: UnsafeRawBufferPointer) -> [Int: TextPosition] {
        var positions: [Int: TextPosition] = [:]
        var line = 1
        // Where column counting resumes: the start of the current line, or the previous offset on it.
        var countedTo = 0
        var column = 1
        for offset in Set(offsets).sorted() {
            while let newline = LineBounds.nextNewline(in: bytes, from: countedTo, before: offset) {
                line += 1
                countedTo = newline + 1
                column = 1
            }
            for index in countedTo..<min(offset, bytes.count) where bytes[index] & 0xC0 != 0x80 { column += 1 }
            countedTo = max(countedTo, offset)
            positions[offset] = TextPosition(line: line, column: column)
        }
        return positions
    }
}
