import Foundation

/// One `-----BEGIN LABEL-----` … `-----END LABEL-----` block: its label, headers and decoded body.
///
/// Tolerates what secrets look like in the wild: CRLF, indentation, and `\n` escapes when the
/// block sits inside a JSON or YAML string. Works on bytes: files that hold keys are often large
/// test fixtures, and Foundation's string search is slow on them.
struct PEMBlock {
    let label: String
    let headers: [String: String]
    let body: [UInt8]

    private static let begin = Array("-----BEGIN ".utf8)
    private static let dashes = Array("-----".utf8)

    /// Every well-formed block in `bytes`, in order; with `label`, only blocks with that label are
    /// decoded.
    static func all(in bytes: [UInt8], label wanted: String? = nil) -> [PEMBlock] {
        var blocks: [PEMBlock] = []
        var position = 0
        while let start = bytes.firstIndex(of: begin, from: position) {
            let labelStart = start + begin.count
            guard let labelEnd = bytes.firstIndex(of: dashes, from: labelStart), labelEnd - labelStart <= 64 else { break }
            let label = Array(bytes[labelStart..<labelEnd])
            let end = Array("-----END ".utf8) + label + dashes
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
        var headers: [String: String] = [:]
        var base64: [UInt8] = []
        for line in Self.lines(content) {
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
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: "="): true
        default: false
        }
    }
}

extension Array where Element == UInt8 {
    /// The start of the first occurrence of `needle` at or after `from` (`memchr` speed).
    func firstIndex(of needle: [UInt8], from: Int) -> Int? {
        guard from >= 0, from < count else { return nil }
        return withUnsafeBytes { ByteSearch.firstIndex(of: needle, in: $0, within: from..<count) }
    }
}
