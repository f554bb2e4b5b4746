import Foundation

/// One `-----BEGIN LABEL-----` … `-----END LABEL-----` block: its label, headers and decoded body.
///
/// Tolerates what secrets look like in the wild: CRLF, indentation, and `\n` escapes when the
/// block sits inside a JSON or YAML string.
struct PEMBlock {
    let label: String
    let headers: [String: String]
    let body: [UInt8]

    /// Every well-formed block in `bytes`, in order.
    static func all(in bytes: [UInt8]) -> [PEMBlock] {
        let text = String(decoding: bytes, as: UTF8.self)
            .replacingOccurrences(of: "\\r", with: "\n")
            .replacingOccurrences(of: "\\n", with: "\n")
        var blocks: [PEMBlock] = []
        var remaining = Substring(text)
        while let begin = remaining.range(of: "-----BEGIN ") {
            let afterBegin = remaining[begin.upperBound...]
            guard let labelEnd = afterBegin.range(of: "-----") else { break }
            let label = String(afterBegin[..<labelEnd.lowerBound])
            let contentStart = labelEnd.upperBound
            guard label.count <= 64, let end = remaining[contentStart...].range(of: "-----END \(label)-----") else {
                remaining = remaining[contentStart...]
                continue
            }
            if let block = PEMBlock(label: label, content: remaining[contentStart..<end.lowerBound]) {
                blocks.append(block)
            }
            remaining = remaining[end.upperBound...]
        }
        return blocks
    }

    private init?(label: String, content: Substring) {
        var headers: [String: String] = [:]
        var base64 = ""
        for line in content.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if let colon = trimmed.firstIndex(of: ":") {
                headers[String(trimmed[..<colon])] = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            } else {
                base64 += trimmed.filter { !$0.isWhitespace && $0 != "\\" && $0 != "\"" }
            }
        }
        guard let data = Data(base64Encoded: base64, options: .ignoreUnknownCharacters), !data.isEmpty else { return nil }
        self.label = label
        self.headers = headers
        self.body = Array(data)
    }
}
