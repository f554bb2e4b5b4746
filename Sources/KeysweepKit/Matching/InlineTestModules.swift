/// Unit tests that live in a source file: Rust's `#[cfg(test)]` items (`#[cfg(test)] mod tests {
/// … }` at the end of a module, compiled only for `cargo test`).
///
/// The path of `src/messages/client.rs` says `source`, but the keys and tokens of its test module
/// are test vectors (Firezone's connlib); a secret inside one has the context `test`, as it would
/// in a file under `tests/`. The item runs from the attribute to the brace that closes the block
/// after it, found by counting braces outside string literals, character literals and `//`
/// comments; an item whose block does not close runs to the end of the file.
struct InlineTestModules {
    private var ranges: [Range<Int>] = []

    private static let attribute = Array("#[cfg(test)]".utf8)

    init(in bytes: UnsafeRawBufferPointer) {
        var from = 0
        while from < bytes.count, let start = ByteSearch.firstIndex(of: Self.attribute, in: bytes, within: from..<bytes.count) {
            let end = Self.closingBrace(after: start + Self.attribute.count, in: bytes) ?? bytes.count
            ranges.append(start..<end)
            from = max(end, start + Self.attribute.count)
        }
    }

    func context(at offset: Int) -> LocationContext? {
        ranges.contains { $0.contains(offset) } ? .test : nil
    }

    /// The offset after the `}` that closes the first block opened after `start`.
    private static func closingBrace(after start: Int, in bytes: UnsafeRawBufferPointer) -> Int? {
        var depth = 0
        var index = start
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "{"):
                depth += 1
            case UInt8(ascii: "}"):
                depth -= 1
                if depth == 0 { return index + 1 }
                if depth < 0 { return nil }
            case UInt8(ascii: ";") where depth == 0:
                return index + 1  // `#[cfg(test)] use x;`, an item without a block
            case UInt8(ascii: "\""):
                index = endOfString(from: index + 1, in: bytes)
                continue
            case UInt8(ascii: "'"):
                // `'{'`, `'\''`: a character literal; `'a` (a lifetime) is left as it is.
                if index + 2 < bytes.count, bytes[index + 2] == UInt8(ascii: "'") { index += 3; continue }
                if index + 3 < bytes.count, bytes[index + 1] == UInt8(ascii: "\\"), bytes[index + 3] == UInt8(ascii: "'") {
                    index += 4
                    continue
                }
            case UInt8(ascii: "/") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "/"):
                index = LineBounds.nextNewline(in: bytes, from: index, before: bytes.count) ?? bytes.count
                continue
            default:
                break
            }
            index += 1
        }
        return nil
    }

    /// The offset after the `"` that ends the string whose text begins at `start`.
    private static func endOfString(from start: Int, in bytes: UnsafeRawBufferPointer) -> Int {
        var index = start
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\\") { index += 2; continue }
            if bytes[index] == UInt8(ascii: "\"") { return index + 1 }
            index += 1
        }
        return bytes.count
    }
}
