/// A string among others in a list: `Set.of("resetPassword", "i18nEnable", …)`, `printf(FORMAT,
/// "#UserName", "#Password", "#UserType")`, `['username', 'password', 'google2fa']`.
///
/// The assignment grammar reads the quoted string after a quoted name and a comma as the name's
/// value, which is right for a call's arguments (`setProperty("password", "v")`, ConfigParser's
/// `set("db", "password", "v")`) but not for a list of names, where the next element is the next
/// name. A value is such an element when all of these hold:
/// - its name is not the first item (a `,` stands before the name's opening quote);
/// - the value is not the last argument of a call: another item or the list's end, `,` or `]`,
///   follows its closing quote (`)` follows ConfigParser's value);
/// - it reads as a name: letters, digits and `_`, at least one letter, and at most one leading `#`,
///   `@` or `$` (a column heading, an annotation, a variable).
enum ListedString {
    /// Whether the value at `secret`, matched from `matchStart` (the rule's name), is the next
    /// element of a list of strings rather than the name's value.
    static func isNextElement(_ secret: Range<Int>, matchStart: Int, in bytes: UnsafeRawBufferPointer) -> Bool {
        guard secret.lowerBound > matchStart, secret.upperBound < bytes.count, isQuote(bytes[secret.lowerBound - 1]),
              bytes[secret.upperBound] == bytes[secret.lowerBound - 1],
              precedesComma(secret.lowerBound - 1, notBefore: matchStart, in: bytes),
              startsAfterComma(matchStart, in: bytes),
              endsItem(after: secret.upperBound + 1, in: bytes) else { return false }
        return readsAsName(bytes[secret])
    }

    /// `", "` between the name's closing quote and the value's opening quote at `quote`.
    private static func precedesComma(_ quote: Int, notBefore start: Int, in bytes: UnsafeRawBufferPointer) -> Bool {
        var offset = skipBlanksBackward(from: quote, notBefore: start, in: bytes)
        guard offset > start, bytes[offset - 1] == UInt8(ascii: ",") else { return false }
        offset = skipBlanksBackward(from: offset - 1, notBefore: start, in: bytes)
        return offset > start && isQuote(bytes[offset - 1])
    }

    /// The name's string opens after `,`: from `start` back over the name's bytes (at most 64) to
    /// its opening quote, then over blanks.
    private static func startsAfterComma(_ start: Int, in bytes: UnsafeRawBufferPointer) -> Bool {
        var offset = start
        while offset > max(0, start - 64), !isQuote(bytes[offset - 1]), !isBlank(bytes[offset - 1]),
              bytes[offset - 1] != UInt8(ascii: "\n") {
            offset -= 1
        }
        guard offset > 0, isQuote(bytes[offset - 1]) else { return false }
        offset = skipBlanksBackward(from: offset - 1, notBefore: 0, in: bytes)
        return offset > 0 && bytes[offset - 1] == UInt8(ascii: ",")
    }

    /// `,` or `]` after blanks from `offset`.
    private static func endsItem(after offset: Int, in bytes: UnsafeRawBufferPointer) -> Bool {
        var offset = offset
        while offset < bytes.count, isBlank(bytes[offset]) { offset += 1 }
        return offset < bytes.count && (bytes[offset] == UInt8(ascii: ",") || bytes[offset] == UInt8(ascii: "]"))
    }

    private static func readsAsName(_ value: UnsafeRawBufferPointer.SubSequence) -> Bool {
        let word = value.first.map { "#@$".utf8.contains($0) } == true ? value.dropFirst() : value
        return !word.isEmpty && word.allSatisfy(ValueShape.isIdentifierByte) && word.contains { ValueShape.isLowercase($0) || ValueShape.isUppercase($0) }
    }

    private static func skipBlanksBackward(from offset: Int, notBefore start: Int, in bytes: UnsafeRawBufferPointer) -> Int {
        var offset = offset
        while offset > start, isBlank(bytes[offset - 1]) { offset -= 1 }
        return offset
    }

    private static func isQuote(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") }
    private static func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
}
