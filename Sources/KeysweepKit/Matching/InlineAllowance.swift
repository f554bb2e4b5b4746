/// Inline suppression comments: `keysweep:allow [rule-id] [reason]` on the line of a secret or the
/// line above, and, for teams migrating, `gitleaks:allow` and `pragma: allowlist secret` (same line)
/// and `pragma: allowlist nextline secret` (line above).
enum InlineAllowance {
    private static let ownMarker = Array("keysweep:allow".utf8)
    private static let sameLineMarkers = [Array("gitleaks:allow".utf8), Array("pragma: allowlist secret".utf8)]
    private static let previousLineMarkers = [Array("pragma: allowlist nextline secret".utf8)]

    /// Whether a comment allows a match of `ruleID` that starts at `offset`.
    static func allows(ruleID: String, at offset: Int, in bytes: UnsafeRawBufferPointer) -> Bool {
        let line = LineBounds.line(containing: offset, in: bytes)
        let text = Array(bytes[line])
        if sameLineMarkers.contains(where: { text.contains(subsequence: $0) }) { return true }
        if ownMarkerAllows(ruleID: ruleID, in: text) { return true }
        guard let previous = LineBounds.previousLine(before: line.lowerBound, in: bytes) else { return false }
        let previousText = Array(bytes[previous])
        return previousLineMarkers.contains(where: { previousText.contains(subsequence: $0) })
            || ownMarkerAllows(ruleID: ruleID, in: previousText)
    }

    /// `keysweep:allow` alone allows any rule; followed by a dotted rule id, only that rule.
    private static func ownMarkerAllows(ruleID: String, in text: [UInt8]) -> Bool {
        guard let start = text.firstRange(of: ownMarker)?.upperBound else { return false }
        let rest = text[start...].drop(while: { $0 == UInt8(ascii: " ") })
        let word = rest.prefix(while: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") })
        guard word.contains(UInt8(ascii: ".")) else { return true }
        return String(decoding: word, as: UTF8.self) == ruleID
    }
}
