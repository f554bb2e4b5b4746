#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Documentation that a source file holds: Ansible modules' `DOCUMENTATION`, `EXAMPLES` and
/// `RETURN` blocks (`EXAMPLES = r'''` ... `'''` at the start of a line) and TOML's `Example = '''`
/// (lego's provider descriptions), Python docstrings (a triple-quoted string alone at the top of a
/// module or after a `def` or `class` line), comment blocks that show example code with its
/// results (Ruby's and JavaScript's `# => value`), comment lines that say they give an example
/// (`e.g.`, `for example`), and interactive sessions (doctests: a `>>> `
/// line and the lines up to the next blank one, where the interpreter's output is printed), and
/// doc comments: `/** … */` (Javadoc, KDoc, JSDoc, PHPDoc, Doxygen) opening a line, and runs of
/// `///` lines (Swift, Rust, C#), and the arguments of OpenAPI's `@ExampleObject(` (the response
/// that an endpoint's annotation shows, Rundeck's webhook `authToken`).
///
/// Their values are written for readers (Azure shared keys, a base64 "Hello from Google Cloud
/// Platform", a Windows product key in a module's examples, `scott:tiger^5HHH` in a dialect's
/// docstring, `password: 'mUc3m00RsqyRe'` above Rails' `authenticate`), so a secret inside one has
/// the context `example` (`EXAMPLES`, example comments) or `docs` (the others), as it would in a
/// Markdown page: lower severity, never hidden. The path still decides first (a test file stays
/// `test`). A comment without results shown (`# API_KEY = "…"`, `/* … */`, `// …`) is code
/// commented out, not documentation, and stays `source`.
struct DocumentationBlocks {
    private var blocks: [(range: Range<Int>, context: LocationContext)] = []

    private static let names: [(name: [UInt8], context: LocationContext)] = [
        (Array("EXAMPLES".utf8), .example), (Array("DOCUMENTATION".utf8), .docs), (Array("RETURN".utf8), .docs),
        // TOML's multi-line string under `Example` (lego's provider descriptions, which its docs
        // are generated from: `Example = '''` then the commands with made-up keys).
        (Array("Example".utf8), .example),
    ]

    init(in bytes: UnsafeRawBufferPointer) {
        var lineStart = 0
        // Whether every line so far is blank or a comment (a module docstring may follow), and
        // whether the last line of code ended with `:` (a `def` or `class` header).
        var beforeCode = true
        var afterHeader = false
        var comments = CommentBlock()
        var session: Int?  // where the interactive session that is still open began
        while lineStart < bytes.count {
            let lineEnd = LineBounds.nextNewline(in: bytes, from: lineStart, before: bytes.count) ?? bytes.count
            let text = Self.firstNonBlank(in: bytes, from: lineStart, to: lineEnd)
            if Self.isPrompt(bytes, text, lineEnd) {
                session = session ?? lineStart
            } else if let start = session, text == lineEnd || bytes[text] == UInt8(ascii: "\r") {
                blocks.append((start..<lineStart, .example))
                session = nil
            }
            var block: (range: Range<Int>, context: LocationContext)?
            if let (context, bodyStart, quote) = Self.opening(at: lineStart, in: bytes)
                ?? Self.docstring(at: text, in: bytes, after: beforeCode || afterHeader)
                ?? Self.docComment(at: text, to: lineEnd, in: bytes) {
                block = (bodyStart..<(Self.find(quote, in: bytes, from: bodyStart) ?? bytes.count), context)
            } else if let arguments = Self.exampleAnnotation(from: text, to: lineEnd, in: bytes) {
                block = (arguments, .example)
            }
            if let (range, context) = block {
                blocks.append((range, context))
                comments.close(into: &blocks)
                (beforeCode, afterHeader) = (false, false)
                guard let newline = LineBounds.nextNewline(in: bytes, from: range.upperBound, before: bytes.count) else { break }
                lineStart = newline + 1
                continue
            }
            if let marker = Self.commentMarker(at: text, to: lineEnd, in: bytes) {
                comments.add(line: lineStart..<lineEnd, marker: marker, showsResult: Self.showsResult(bytes, text..<lineEnd, marker: marker),
                             into: &blocks)
                // `// Put inserts a key-value secret (e.g. {"password": "Hashi123"})`: a comment's prose
                // that gives an example. The line alone is one, not its block: a key commented out
                // below such a line stays `source`.
                if Self.givesExample(bytes, text..<lineEnd) { blocks.append((lineStart..<lineEnd, .example)) }
            } else {
                comments.close(into: &blocks)
                // A shebang or `#{`-line is no code for a docstring to follow either.
                if text < lineEnd, bytes[text] != UInt8(ascii: "#") {
                    beforeCode = false
                    afterHeader = Self.lastNonBlank(in: bytes, from: text, to: lineEnd) == UInt8(ascii: ":")
                }
            }
            lineStart = lineEnd + 1
        }
        comments.close(into: &blocks)
        if let start = session { blocks.append((start..<bytes.count, .example)) }
    }

    /// `>>> ` starting a line's text: the prompt of Python's interpreter, in a doctest.
    private static func isPrompt(_ bytes: UnsafeRawBufferPointer, _ text: Int, _ end: Int) -> Bool {
        end - text >= 4 && bytes[text] == UInt8(ascii: ">") && bytes[text + 1] == UInt8(ascii: ">")
            && bytes[text + 2] == UInt8(ascii: ">") && bytes[text + 3] == UInt8(ascii: " ")
    }

    /// A run of comment lines with one marker; an `example` block when a line shows a result.
    private struct CommentBlock {
        var range: Range<Int>?
        var marker: [UInt8] = []
        var showsResult = false

        mutating func add(line: Range<Int>, marker: [UInt8], showsResult: Bool, into blocks: inout [(range: Range<Int>, context: LocationContext)]) {
            if let range, marker == self.marker {
                self.range = range.lowerBound..<line.upperBound
            } else {
                close(into: &blocks)
                (range, self.marker) = (line, marker)
            }
            self.showsResult = self.showsResult || showsResult
        }

        mutating func close(into blocks: inout [(range: Range<Int>, context: LocationContext)]) {
            if let range, showsResult {
                blocks.append((range, .example))
            } else if let range, marker == DocumentationBlocks.docLineMarker {
                blocks.append((range, .docs))
            }
            (range, showsResult) = (nil, false)
        }
    }

    /// `"""` or `'''` (with an optional `r`, `u` or `b`) opening a line where a docstring may
    /// stand: where its text begins and the quote that closes it.
    private static func docstring(at text: Int, in bytes: UnsafeRawBufferPointer, after mayFollow: Bool) -> (LocationContext, Int, [UInt8])? {
        guard mayFollow, text < bytes.count else { return nil }
        var index = text
        if "rRuUbB".utf8.contains(bytes[index]) { index += 1 }
        guard index + 3 <= bytes.count, bytes[index] == bytes[index + 1], bytes[index] == bytes[index + 2],
              bytes[index] == UInt8(ascii: "'") || bytes[index] == UInt8(ascii: "\"") else { return nil }
        return (.docs, index + 3, Array(repeating: bytes[index], count: 3))
    }

    /// The marker of a doc comment line in Swift, Rust and C#.
    static let docLineMarker = Array("///".utf8)

    /// `#` (not `#!` or `#{`), `//`, or `///` (not `////`, a rule drawn with slashes) starting a
    /// line's text.
    private static func commentMarker(at text: Int, to end: Int, in bytes: UnsafeRawBufferPointer) -> [UInt8]? {
        guard text < end else { return nil }
        if bytes[text] == UInt8(ascii: "#") {
            let next = text + 1 < end ? bytes[text + 1] : UInt8(ascii: " ")
            return next == UInt8(ascii: "!") || next == UInt8(ascii: "{") ? nil : [UInt8(ascii: "#")]
        }
        guard text + 1 < end, bytes[text] == UInt8(ascii: "/"), bytes[text + 1] == UInt8(ascii: "/") else { return nil }
        let slashes = bytes[text..<min(end, text + 4)].prefix { $0 == UInt8(ascii: "/") }.count
        return slashes == 3 ? docLineMarker : Array("//".utf8)
    }

    /// `/**` and a blank opening a line's text: a doc comment, which `*/` closes. A glob
    /// (`src/**/*.ts`) never opens a line with `/**` and a blank; `/***` banners are no doc
    /// comments, and `/*` alone is code commented out.
    private static func docComment(at text: Int, to end: Int, in bytes: UnsafeRawBufferPointer) -> (LocationContext, Int, [UInt8])? {
        guard text + 3 <= end, bytes[text] == UInt8(ascii: "/"), bytes[text + 1] == UInt8(ascii: "*"),
              bytes[text + 2] == UInt8(ascii: "*") else { return nil }
        guard text + 3 == end || " \t\r".utf8.contains(bytes[text + 3]) else { return nil }
        return (.docs, text + 3, Array("*/".utf8))
    }

    /// `ExampleObject(` in a line (OpenAPI's annotation in Java, Kotlin and Groovy): its arguments,
    /// up to the parenthesis that closes them, show a response. Strings are skipped whole (Groovy's
    /// `'''`, Java's text blocks). Arguments still open after `exampleReach` bytes end there, so
    /// that no byte is searched twice.
    private static func exampleAnnotation(from text: Int, to end: Int, in bytes: UnsafeRawBufferPointer) -> Range<Int>? {
        guard let hit = find(exampleObject, in: bytes, from: text, before: end) else { return nil }
        let start = hit + exampleObject.count
        let limit = min(bytes.count, start + exampleReach)
        var (depth, index) = (1, start)
        while index < limit {
            let byte = bytes[index]
            if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
                index = endOfString(quotedBy: byte, at: index, before: limit, in: bytes)
                continue
            }
            if byte == UInt8(ascii: "(") { depth += 1 }
            if byte == UInt8(ascii: ")") {
                depth -= 1
                if depth == 0 { return start..<index }
            }
            index += 1
        }
        return start..<limit
    }

    /// Where the string that opens at `start` ends (after its closing quote): one quote or three,
    /// with backslash escapes; a one-quote string ends at its line's end too.
    private static func endOfString(quotedBy quote: UInt8, at start: Int, before limit: Int,
                                    in bytes: UnsafeRawBufferPointer) -> Int {
        let triple = start + 2 < limit && bytes[start + 1] == quote && bytes[start + 2] == quote
        var index = start + (triple ? 3 : 1)
        while index < limit {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") {
                index += 2
            } else if byte == quote && (!triple || index + 2 < limit && bytes[index + 1] == quote && bytes[index + 2] == quote) {
                return index + (triple ? 3 : 1)
            } else if byte == UInt8(ascii: "\n") && !triple {
                return index
            } else {
                index += 1
            }
        }
        return limit
    }

    private static let exampleReach = 16 * 1024
    private static let exampleObject = Array("ExampleObject(".utf8)

    /// Whether a comment line shows a result after its code: `user.save  # => true`.
    private static func showsResult(_ bytes: UnsafeRawBufferPointer, _ line: Range<Int>, marker: [UInt8]) -> Bool {
        let pattern = marker + Array(" =>".utf8)
        var index = line.lowerBound + marker.count
        while index + pattern.count <= line.upperBound {
            if bytes[index..<(index + pattern.count)].elementsEqual(pattern) { return true }
            index += 1
        }
        return false
    }

    /// `e.g.` or `for example` (any case) in a comment line's text.
    private static func givesExample(_ bytes: UnsafeRawBufferPointer, _ line: Range<Int>) -> Bool {
        let text = bytes[line].map(KeywordPrefilter.fold)
        return exampleWords.contains { text.contains(subsequence: $0) }
    }

    private static let exampleWords = [Array("e.g.".utf8), Array("for example".utf8)]

    private static func firstNonBlank(in bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Int {
        var index = start
        while index < end, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
        return index
    }

    private static func lastNonBlank(in bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) -> UInt8? {
        var index = end
        while index > start, " \t\r".utf8.contains(bytes[index - 1]) { index -= 1 }
        return index > start ? bytes[index - 1] : nil
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

    /// Where `needle` next occurs from `start`, wholly before `end` (the blob's end by default):
    /// `memchr` finds each candidate first byte.
    private static func find(_ needle: [UInt8], in bytes: UnsafeRawBufferPointer, from start: Int,
                             before end: Int? = nil) -> Int? {
        guard let first = needle.first, let base = bytes.baseAddress else { return nil }
        let end = end ?? bytes.count
        var index = start
        while index + needle.count <= end {
            guard let hit = memchr(base + index, Int32(first), end - index) else { return nil }
            let offset = base.distance(to: UnsafeRawPointer(hit))
            guard offset + needle.count <= end else { return nil }
            if bytes[offset..<(offset + needle.count)].elementsEqual(needle) { return offset }
            index = offset + 1
        }
        return nil
    }
}
