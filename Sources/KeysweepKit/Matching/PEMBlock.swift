import Foundation

/// One `-----BEGIN LABEL-----` … `-----END LABEL-----` block: its label, headers and decoded body.
///
/// Tolerates what secrets look like in the wild: CRLF, indentation, `\n` escapes when the
/// block sits inside a JSON or YAML string, and a margin that every line carries (Kotlin's
/// `|` for `trimMargin()`, ` * ` in a doc comment, `# ` or `// ` when commented out). Works on
/// bytes: files that hold keys are often large test fixtures, and Foundation's string search is
/// slow on them.
struct PEMBlock {
    let label: String
    let headers: [String: String]
    let body: [UInt8]

    private static let begin = Array("-----BEGIN ".utf8)
    private static let dashes = Array("-----".utf8)
    /// A bound on a label's length: real labels (`ENCRYPTED PRIVATE KEY`) are far shorter, and
    /// text that runs longer before its `-----` is no marker.
    private static let longestLabel = 64

    /// `-----END LABEL-----`, the line that closes a block labelled `label`.
    private static func endMarker(_ label: some Sequence<UInt8>) -> [UInt8] {
        Array("-----END ".utf8) + label + dashes
    }

    /// Every well-formed block in `bytes`, in order; with `label`, only blocks with that label are
    /// decoded.
    static func all(in bytes: [UInt8], label wanted: String? = nil) -> [PEMBlock] {
        var blocks: [PEMBlock] = []
        var position = 0
        while let start = bytes.firstIndex(of: begin, from: position) {
            let labelStart = start + begin.count
            guard let labelEnd = bytes.firstIndex(of: dashes, from: labelStart), labelEnd - labelStart <= longestLabel else { break }
            let label = Array(bytes[labelStart..<labelEnd])
            let end = endMarker(label)
            guard let endStart = bytes.firstIndex(of: end, from: labelEnd + dashes.count) else {
                position = labelEnd + dashes.count
                continue
            }
            if wanted.map({ Array($0.utf8) == label }) ?? true, let block = PEMBlock(label: String(decoding: label, as: UTF8.self), content: bytes[(labelEnd + dashes.count)..<endStart]) {
                blocks.append(block)
            }
            position = endStart + end.count
        }
        return blocks
    }

    private init?(label: String, content: ArraySlice<UInt8>) {
        guard let content = Self.literalText(content) else { return nil }
        var headers: [String: String] = [:]
        var base64: [UInt8] = []
        for line in Self.marginFreeLines(content[...]) {
            if let colon = line.firstIndex(of: UInt8(ascii: ":")) {
                let key = String(decoding: line[..<colon], as: UTF8.self).trimmingCharacters(in: .whitespaces)
                headers[key] = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            } else {
                base64 += line.filter(Self.isBase64)
            }
        }
        guard let data = Data(base64Encoded: Data(base64), options: .ignoreUnknownCharacters), !data.isEmpty else { return nil }
        self.label = label
        self.headers = headers
        self.body = Array(data)
    }

    /// `secret`, a private key's whole block, written the one way a PEM file writes it: the markers
    /// on lines of their own, headers, a blank line after them, and the body's lines without
    /// margin or stray characters, each ending in a line feed. So one key is one secret
    /// however it is indented, quoted or line-ended (a `.pem` file and the same key in a YAML value
    /// or a Kotlin test are one finding); a key as a `.pem` file writes it is unchanged. Nil for
    /// what is not one block from its first byte to its last.
    static func canonicalText(_ secret: [UInt8]) -> [UInt8]? {
        guard secret.starts(with: begin), let labelEnd = secret.firstIndex(of: dashes, from: begin.count),
              labelEnd - begin.count <= longestLabel else { return nil }
        let end = endMarker(secret[begin.count..<labelEnd])
        let contentStart = labelEnd + dashes.count
        guard secret.count >= contentStart + end.count, secret.suffix(end.count).elementsEqual(end),
              let content = literalText(secret[contentStart..<(secret.count - end.count)]) else { return nil }
        var headers: [UInt8] = []
        var body: [UInt8] = []
        for line in marginFreeLines(content[...]) {
            if line.contains(UInt8(ascii: ":")) {
                headers += line + [UInt8(ascii: "\n")]
            } else {
                // Blanks inside a line stand for line breaks (`-----BEGIN … KEY----- MIIC… AwEH… -----END`).
                for piece in line.split(whereSeparator: ValueShape.isBlank) {
                    let base64 = piece.filter(isBase64)
                    if !base64.isEmpty { body += base64 + [UInt8(ascii: "\n")] }
                }
            }
        }
        let separator: [UInt8] = headers.isEmpty ? [] : [UInt8(ascii: "\n")]
        return Array(secret[..<contentStart]) + [UInt8(ascii: "\n")] + headers + separator + body + end
    }

    /// `secret`, a key's armored body without its markers (what the PGP and PuTTY rules take),
    /// written one way: lines without the blanks around them, empty lines left out, LF between
    /// them. A body indented in a YAML value is the body of the same key in an `.asc` file, which
    /// is unchanged.
    static func canonicalBody(_ secret: [UInt8]) -> [UInt8] {
        let lines = lines(secret[...]).map(trimmed).filter { !$0.isEmpty }
        return Array(lines.joined(separator: [UInt8(ascii: "\n")]))
    }

    /// `content`, the text between a block's markers, as the string it spells when the block is
    /// written as a sequence of string literals, one per line (`"MIIE…\n" +` in Java, `..` in
    /// Lua, `,` in a Python list, nothing in C): the text inside the quotes, a line break where
    /// each literal closes. The block starts and ends inside a literal, so the first quote closes
    /// one; between literals only blanks and the operators that join them may stand (`" + pad + "`
    /// inserts text the key does not hold: nil). Content without quotes is returned as it is.
    static func literalText(_ content: ArraySlice<UInt8>) -> [UInt8]? {
        guard let quote = content.first(where: { literalQuotes.contains($0) }) else { return Array(content) }
        var text: [UInt8] = []
        text.reserveCapacity(content.count)
        var inside = true
        for byte in content {
            if byte == quote {
                if inside { text.append(UInt8(ascii: "\n")) }
                inside.toggle()
            } else if inside {
                text.append(byte)
            } else if !literalGlue.contains(byte) {
                return nil
            }
        }
        return inside ? text : nil
    }

    private static let literalQuotes: Set<UInt8> = [UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`")]

    /// What may stand between two literals of one string: blanks, line ends, and the operators
    /// or separators that join them (`+`, `..`, `,`, `&`, `_` and `\` at a line's end).
    private static let literalGlue = Set(" \t\r\n+.,&_\\".utf8)

    /// The block's lines between its markers, blanks trimmed and empty lines left out, without the
    /// margin that every line carries. The margin is what precedes `-----END` on its line (`  |`,
    /// ` * `, `# `), taken off only when every other line starts with it: a body line may itself
    /// start with `/`.
    private static func marginFreeLines(_ content: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var lines = lines(content)
        if lines.count > 1, let margin = lines.last.map(trimmedLeft), !margin.isEmpty {
            let bareMargin = trimmed(margin)
            let carryMargin = lines.dropFirst().dropLast().allSatisfy { line in
                let text = trimmedLeft(line)
                return text.isEmpty || text.starts(with: margin) || text.elementsEqual(bareMargin)
            }
            if carryMargin {
                // The first line is the rest of the BEGIN line; a line that is only the margin is blank.
                for index in lines.indices.dropFirst() {
                    let text = trimmedLeft(lines[index])
                    lines[index] = text.starts(with: margin) ? text.dropFirst(margin.count) : text[text.endIndex...]
                }
            }
        }
        return lines.map(trimmed).filter { !$0.isEmpty }
    }

    /// `line` without the blanks it starts with.
    private static func trimmedLeft(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        line.drop(while: ValueShape.isBlank)
    }

    /// `line` without the blanks it starts or ends with.
    private static func trimmed(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let text = trimmedLeft(line)
        guard let last = text.lastIndex(where: { !ValueShape.isBlank($0) }) else { return text[text.endIndex...] }
        return text[...last]
    }

    /// Lines split at CR, LF, and the two-character escapes `\n` and `\r`.
    private static func lines(_ content: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var lineStart = content.startIndex
        var index = content.startIndex
        while index < content.endIndex {
            let byte = content[index]
            var separator = 0
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                separator = 1
            } else if byte == UInt8(ascii: "\\"), index + 1 < content.endIndex,
                      content[index + 1] == UInt8(ascii: "n") || content[index + 1] == UInt8(ascii: "r") {
                separator = 2
            }
            if separator > 0 {
                lines.append(content[lineStart..<index])
                index += separator
                lineStart = index
            } else {
                index += 1
            }
        }
        lines.append(content[lineStart..<content.endIndex])
        return lines
    }

    private static func isBase64(_ byte: UInt8) -> Bool {
        ValueShape.isBase64Digit(byte) || byte == UInt8(ascii: "=")
    }
}

extension Array where Element == UInt8 {
    /// The start of the first occurrence of `needle` at or after `from` (`memchr` speed).
    func firstIndex(of needle: [UInt8], from: Int) -> Int? {
        guard from >= 0, from < count else { return nil }
        return withUnsafeBytes { ByteSearch.firstIndex(of: needle, in: $0, within: from..<count) }
    }
}
