/// The public type markers of specific rules (`ghp_`, `xoxb-`, `sm_pat_`, `px-dep-`, `hvs.`):
/// a value that starts with one is that rule's to judge.
///
/// A specific rule knows its token's format (length, alphabet, checksum). When it does not report
/// a value that carries its marker (`sm_pat_g8re5580i6` is too short for a SettleMint token,
/// `px-dep-d4c3b2a1-f6e5-h8g7-…` is no UUID), the value is a malformed or made-up token, and a
/// rule that judges values only by the name beside them (`nonMatchingToken := "sm_pat_…"`) must
/// not report it instead. Where the specific rule does match, overlap resolution keeps it anyway.
struct TypeMarkers: Sendable {
    private let markers: [[UInt8]]

    /// Stems that several providers put before a separator (`live_`, `secret_`, `API-`): a value
    /// that starts with one is not any single rule's.
    private static let sharedStems: Set<String> = ["api", "key", "live", "test", "secret", "token", "pat", "sat"]

    /// The keywords of specific rules reported alone that read as a prefix: a letter, then
    /// letters, digits and inner `_.-`, ending with `_`, `-` or `.`, four bytes or more.
    init(rules: [Rule]) {
        var found = Set<String>()
        for rule in rules where rule.isReportedAlone && !rule.judgesByContext {
            for keyword in rule.keywords where Self.isMarker(keyword) { found.insert(keyword) }
        }
        markers = found.sorted().map { Array($0.utf8) }
    }

    static func isMarker(_ keyword: String) -> Bool {
        let bytes = Array(keyword.utf8)
        guard bytes.count >= 4, let first = bytes.first, let last = bytes.last, ValueShape.isIdentifierStart(first),
              "_-.".utf8.contains(last) else { return false }
        guard bytes.allSatisfy({ ValueShape.isIdentifierByte($0) || "_-.".utf8.contains($0) }) else { return false }
        return !sharedStems.contains(String(decoding: bytes.dropLast(), as: UTF8.self).lowercased())
    }

    /// Whether `value` starts with a marker, as the marker is written (markers are case-sensitive).
    func begins(_ value: UnsafeRawBufferPointer.SubSequence) -> Bool {
        markers.contains { marker in value.count > marker.count && value.starts(with: marker) }
    }
}
