#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Inline suppression comments: `keysweep:allow [rule-id] [reason]` on the line of a secret or the
/// line above, and, for teams migrating, `gitleaks:allow` and `pragma: allowlist secret` (same line)
/// and `pragma: allowlist nextline secret` (line above).
///
/// Only a window of `reach` bytes on each side of the secret is searched, so that a minified file
/// that is one 6 MB line with hundreds of matches costs hundreds of small searches, not hundreds of
/// whole-line copies.
struct InlineAllowance {
    static let reach = 1024
    private static let ownMarker = Array("keysweep:allow".utf8)
    private static let sameLineMarkers = [Array("gitleaks:allow".utf8), Array("pragma: allowlist secret".utf8)]
    private static let previousLineMarkers = [Array("pragma: allowlist nextline secret".utf8)]
    /// What every marker above starts with: a blob without any of these has no allow comment.
    private static let anyMarker = [ownMarker, Array("gitleaks:allow".utf8), Array("pragma: allowlist".utf8)]

    private let bytes: UnsafeRawBufferPointer
    /// Whether the blob holds any marker at all, found out on the first question: most blobs the
    /// prefilter selects hold no match to ask about, and the search costs three passes.
    private var holdsMarkers: Bool?
    /// Secrets that an allow comment accepted for a rule that judges more than context: rules
    /// that judge only by context (generic rules) may not report them either, so an allow for the
    /// rule a finding names accepts the finding, whatever generic rule also matched its bytes.
    var acceptedSecrets: Set<[UInt8]> = []

    init(bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// Whether a comment allows a match of `ruleID` over the byte range `secret`.
    mutating func allows(ruleID: String, secret: Range<Int>) -> Bool {
        if holdsMarkers == nil {
            holdsMarkers = Self.anyMarker.contains { ByteSearch.firstIndex(of: $0, in: bytes, within: 0..<bytes.count) != nil }
        }
        guard holdsMarkers == true else { return false }
        let line = window(around: secret)
        if Self.sameLineMarkers.contains(where: { ByteSearch.firstIndex(of: $0, in: bytes, within: line) != nil }) { return true }
        if ownMarkerAllows(ruleID: ruleID, within: line) { return true }
        guard line.lowerBound > 0, bytes[line.lowerBound - 1] == UInt8(ascii: "\n") else { return false }
        let previous = window(around: (line.lowerBound - 1)..<(line.lowerBound - 1))
        return Self.previousLineMarkers.contains(where: { ByteSearch.firstIndex(of: $0, in: bytes, within: previous) != nil })
            || ownMarkerAllows(ruleID: ruleID, within: previous)
    }

    /// The line around `range`, clipped to `reach` bytes on either side.
    private func window(around range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound
        let floor = max(0, start - Self.reach)
        while start > floor && bytes[start - 1] != UInt8(ascii: "\n") { start -= 1 }
        let ceiling = min(bytes.count, range.upperBound + Self.reach)
        let end = LineBounds.nextNewline(in: bytes, from: range.upperBound, before: ceiling) ?? ceiling
        return start..<end
    }

    /// `keysweep:allow` alone allows any rule; followed by a dotted rule id, only that rule.
    private func ownMarkerAllows(ruleID: String, within range: Range<Int>) -> Bool {
        guard let found = ByteSearch.firstIndex(of: Self.ownMarker, in: bytes, within: range) else { return false }
        var cursor = found + Self.ownMarker.count
        while cursor < range.upperBound && bytes[cursor] == UInt8(ascii: " ") { cursor += 1 }
        var word: [UInt8] = []
        while cursor < range.upperBound, bytes[cursor] != UInt8(ascii: " "), bytes[cursor] != UInt8(ascii: "\t"), bytes[cursor] != UInt8(ascii: "\r") {
            word.append(bytes[cursor])
            cursor += 1
        }
        guard word.contains(UInt8(ascii: ".")) else { return true }
        return String(decoding: word, as: UTF8.self) == ruleID
    }
}
