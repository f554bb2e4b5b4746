/// Secrets assigned to a name that says they are made up: `const TEST_FAKE_RSA_KEY_0: &str =
/// "-----BEGIN…`, `"dummy_token": "…"`, `mockApiKey = "…"`, `STRIPE_TEST_SECRET=sk_test_…`.
///
/// Code keeps test material where its path does not say so (a seeder's keys in `src/`, a client's
/// `FAKE_TOKEN` beside its code). The name a value is given is its author's word on what it is, so
/// a location whose name holds a test word as one of its words has the context `test` (`example`
/// for `example`, `sample` or `placeholder`, an input's text shown to users), as a test file's
/// would: lower severity, never hidden. A word inside another (`latest`, `contest`, `testnet`) is
/// not one, and neither is a word outside a name (a host in a URL, a string): only a name followed
/// by an assignment (`=`, `:`, `=>`) counts, on the secret's own line, before it.
enum MadeUpNames {
    private static let madeUpWords: [(word: [UInt8], context: LocationContext)] = [
        ("test", LocationContext.test), ("tests", .test), ("testing", .test), ("fake", .test), ("dummy", .test),
        ("mock", .test), ("mocked", .test), ("stub", .test), ("example", .example), ("sample", .example),
        ("placeholder", .example),
    ].map { (Array($0.0.utf8), $0.1) }

    /// How far back on its line a secret's name is looked for.
    private static let reach = 256

    /// The context that the name of the secret at `offset` gives, if it is a made-up name.
    static func context(before offset: Int, in bytes: UnsafeRawBufferPointer) -> LocationContext? {
        name(before: offset, in: bytes).flatMap { context(ofName: bytes[$0]) }
    }

    /// The last name assigned to on the line before `offset`: in `const TEST_KEY: &str = "…"` and
    /// `val testKey: String = "…"` the name, not its type (a name right after the previous one's
    /// `:`); in minified JSON the key of the value, not an earlier one.
    static func name(before offset: Int, in bytes: UnsafeRawBufferPointer) -> Range<Int>? {
        let floor = max(0, offset - reach)
        var lineStart = offset
        while lineStart > floor, bytes[lineStart - 1] != UInt8(ascii: "\n") { lineStart -= 1 }
        var last: (name: Range<Int>, operatorEnd: Int)?
        var index = lineStart
        while index < offset {
            guard isNameByte(bytes[index]) else { index += 1; continue }
            let start = index
            while index < offset, isNameByte(bytes[index]) { index += 1 }
            guard let operatorEnd = assignment(after: index, before: offset, in: bytes) else { continue }
            if let previous = last, bytes[previous.operatorEnd..<start].allSatisfy({ " \t&*".utf8.contains($0) }),
               bytes[previous.operatorEnd - 1] == UInt8(ascii: ":") {
                last = (previous.name, operatorEnd)
            } else {
                last = (start..<index, operatorEnd)
            }
        }
        return last?.name
    }

    /// Words that say a name's value is no secret, whatever it looks like: it stands in for one,
    /// as an API returns it or a form shows it (`REDACTED_CREDENTIAL_VALUE`, `maskedPassword`,
    /// `SECRET_PLACEHOLDER`), or it is published (ThingsBoard's `publicResourceKey`, the key in a
    /// link anyone may open to a resource; a `publishableKey`).
    private static let noSecretWords: Set<[UInt8]> = Set(["redacted", "masked", "mask", "obfuscated", "placeholder",
                                                          "blank", "censored", "public", "publishable"].map { Array($0.utf8) })

    /// Whether the name of the value at `offset` says the value is no secret (Flowise's
    /// `REDACTED_CREDENTIAL_VALUE = '_FLOWISE_BLANK_07167752-…'`): generic rules leave it.
    static func saysNoSecret(before offset: Int, in bytes: UnsafeRawBufferPointer) -> Bool {
        guard let name = name(before: offset, in: bytes) else { return false }
        return words(of: Array(bytes[name])).contains { noSecretWords.contains($0.map(KeywordPrefilter.fold)) }
    }

    /// Words after `test` that make it the name of a tool, not a mark on the value:
    /// CodeClimate's `CC_TEST_REPORTER_ID`, a `TEST_RUNNER_TOKEN`.
    private static let toolWords: Set<[UInt8]> = Set(["reporter", "runner", "report", "reports", "results", "coverage"]
        .map { Array($0.utf8) })

    /// The context the words of one name give: `TEST_FAKE_RSA_KEY_0` is TEST, FAKE, RSA, KEY, 0;
    /// `mockApiKey` is mock, Api, Key; `app.test.password` is app, test, password.
    static func context(ofName name: some Collection<UInt8>) -> LocationContext? {
        let lowered = words(of: Array(name)).map { $0.map(KeywordPrefilter.fold) }
        var found: LocationContext?
        for (index, word) in lowered.enumerated() {
            guard let context = madeUpWords.first(where: { $0.word == word })?.context else { continue }
            if word.starts(with: Array("test".utf8)), index + 1 < lowered.count, toolWords.contains(lowered[index + 1]) { continue }
            if context == .test { return .test }
            found = context
        }
        return found
    }

    /// A name's words: split at `_`, `-` and `.`, where a lowercase letter meets a capital, and
    /// where letters meet digits.
    private static func words(of name: [UInt8]) -> [ArraySlice<UInt8>] {
        var words: [ArraySlice<UInt8>] = []
        var start = 0
        for index in name.indices {
            let byte = name[index]
            if isSeparator(byte) {
                if start < index { words.append(name[start..<index]) }
                start = index + 1
            } else if index > start, startsWord(byte, after: name[index - 1]) {
                words.append(name[start..<index])
                start = index
            }
        }
        if start < name.count { words.append(name[start...]) }
        return words
    }

    private static func startsWord(_ byte: UInt8, after previous: UInt8) -> Bool {
        ValueShape.isUppercase(byte) && ValueShape.isLowercase(previous) || ValueShape.isDigit(byte) != ValueShape.isDigit(previous)
    }

    /// Where the assignment after the name that ends at `end` ends, if there is one: an optional
    /// closing quote, blanks, then `=`, `:`, `=>`, `:=` or `?=` (not `==`, not a URL's `://`).
    private static func assignment(after end: Int, before limit: Int, in bytes: UnsafeRawBufferPointer) -> Int? {
        var index = end
        if index < limit, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") { index += 1 }
        while index < limit, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
        if index < limit, bytes[index] == UInt8(ascii: "?") { index += 1 }
        guard index < limit else { return nil }
        let next = index + 1 < limit ? bytes[index + 1] : 0
        switch bytes[index] {
        case UInt8(ascii: "="): return next == UInt8(ascii: "=") ? nil : index + 1
        case UInt8(ascii: ":"): return next == UInt8(ascii: "/") || next == UInt8(ascii: ":") ? nil : index + 1
        default: return nil
        }
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        ValueShape.isIdentifierByte(byte) || isSeparator(byte)
    }

    private static func isSeparator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }
}
