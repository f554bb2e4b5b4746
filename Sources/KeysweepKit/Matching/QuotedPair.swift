/// A quoted name, a comma and a quoted string after it: the assignment grammar's call-argument
/// form, right for a call's arguments (`setProperty("password", "v")`, ConfigParser's
/// `set("db", "password", "v")`) and wrong in a list of strings, where the next element is the
/// next name: `Set.of("resetPassword", "i18nEnable", …)`, `printf(FORMAT, "#UserName",
/// "#Password", "#UserType")`, `['username', 'password', 'google2fa']`.
///
/// A value is such an element when its name is not the first item (a `,` stands before the
/// name's opening quote), another item or the list's end, `,` or `]`, follows its closing quote
/// (`)` follows ConfigParser's value), and it reads as a name: letters, digits and `_`, at least
/// one letter, and at most one leading `#`, `@` or `$` (a column heading, an annotation, a
/// variable). In an object, a string followed by `:` is the next key, whatever it holds; after a
/// string that assigns the name (`"POSTGRES_PASSWORD=password", "…"`), the next is the next entry.
enum QuotedPair {
    /// Whether the value at `secret`, matched from `matchStart` (the rule's name) in the
    /// call-argument form, is no value of that name but the next element of a list of strings.
    static func isNoPair(_ secret: Range<Int>, matchStart: Int, in bytes: UnsafeRawBufferPointer) -> Bool {
        guard secret.lowerBound > matchStart, secret.upperBound < bytes.count, isQuote(bytes[secret.lowerBound - 1]),
              bytes[secret.upperBound] == bytes[secret.lowerBound - 1],
              let closing = nameQuote(before: secret.lowerBound - 1, notBefore: matchStart, in: bytes),
              !bytes[matchStart..<closing].contains(where: { isQuote($0) || ValueShape.isBlank($0) || $0 == UInt8(ascii: "(") })
        else { return false }
        // `"1Password","b84e4048-…":"NordPass"`: the string after the name is an object's next key
        // (Pocket ID's minified map of authenticator ids to names).
        if follows(UInt8(ascii: ":"), after: secret.upperBound + 1, in: bytes) { return true }
        guard let opening = openingQuote(before: matchStart, in: bytes) else { return false }
        // `"POSTGRES_PASSWORD=password", "POSTGRES_DB=boundary"`: the name ends a string that
        // assigns it (an environment list); the next string is the list's next entry.
        if bytes[(opening + 1)..<matchStart].contains(UInt8(ascii: "=")) { return true }
        return startsAfterComma(opening, in: bytes) && endsItem(after: secret.upperBound + 1, in: bytes)
            && readsAsName(bytes[secret])
    }

    /// The name's closing quote, before `", "` and the value's opening quote at `quote`; the rule's
    /// name itself (from `start` to that quote) is one word, not a call's first arguments
    /// (`NetworkCredential("deploy", "`).
    private static func nameQuote(before quote: Int, notBefore start: Int, in bytes: UnsafeRawBufferPointer) -> Int? {
        var offset = skipBlanksBackward(from: quote, notBefore: start, in: bytes)
        guard offset > start, bytes[offset - 1] == UInt8(ascii: ",") else { return nil }
        offset = skipBlanksBackward(from: offset - 1, notBefore: start, in: bytes)
        return offset > start && isQuote(bytes[offset - 1]) ? offset - 1 : nil
    }

    /// Where the name's string opens: from `start` back over the name's bytes (at most 64) to its
    /// quote; nil when a blank or a line break comes first (the name ends a sentence, whose next
    /// string may be anything: `new Challenge13("This is not the secret", "hRZq…")`).
    private static func openingQuote(before start: Int, in bytes: UnsafeRawBufferPointer) -> Int? {
        var offset = start
        while offset > max(0, start - 64), !isQuote(bytes[offset - 1]) {
            if ValueShape.isBlank(bytes[offset - 1]) || bytes[offset - 1] == UInt8(ascii: "\n") { return nil }
            offset -= 1
        }
        return offset > 0 && isQuote(bytes[offset - 1]) ? offset - 1 : nil
    }

    /// A `,` after blanks before the quote at `opening`.
    private static func startsAfterComma(_ opening: Int, in bytes: UnsafeRawBufferPointer) -> Bool {
        let offset = skipBlanksBackward(from: opening, notBefore: 0, in: bytes)
        return offset > 0 && bytes[offset - 1] == UInt8(ascii: ",")
    }

    /// `,` or `]` after blanks from `offset`.
    private static func endsItem(after offset: Int, in bytes: UnsafeRawBufferPointer) -> Bool {
        follows(UInt8(ascii: ","), after: offset, in: bytes) || follows(UInt8(ascii: "]"), after: offset, in: bytes)
    }

    /// `byte` after blanks from `offset`.
    private static func follows(_ byte: UInt8, after offset: Int, in bytes: UnsafeRawBufferPointer) -> Bool {
        var offset = offset
        while offset < bytes.count, ValueShape.isBlank(bytes[offset]) { offset += 1 }
        return offset < bytes.count && bytes[offset] == byte
    }

    private static func readsAsName(_ value: UnsafeRawBufferPointer.SubSequence) -> Bool {
        let word = value.first.map { "#@$".utf8.contains($0) } == true ? value.dropFirst() : value
        return !word.isEmpty && word.allSatisfy(ValueShape.isIdentifierByte)
            && word.contains { ValueShape.isLowercase($0) || ValueShape.isUppercase($0) }
    }

    private static func skipBlanksBackward(from offset: Int, notBefore start: Int, in bytes: UnsafeRawBufferPointer) -> Int {
        var offset = offset
        while offset > start, ValueShape.isBlank(bytes[offset - 1]) { offset -= 1 }
        return offset
    }

    private static func isQuote(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") }
}
