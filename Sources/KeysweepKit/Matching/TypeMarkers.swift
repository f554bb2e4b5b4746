/// The public type markers of specific rules (`ghp_`, `xoxb-`, `sm_pat_`, `hvs.`): a value that
/// is one of them and a few characters is a token of that kind cut short or made up.
///
/// A specific rule knows its token's length. A value that carries its marker and fewer than
/// `shortTail` more bytes (`sm_pat_g8re5580i6`: a SettleMint token has 16 after the prefix) is
/// no such token, and a rule that judges values only by the name beside them
/// (`nonMatchingToken := "sm_pat_…"`) must not report it instead. Longer values stay with the
/// generic rules: specific rules hold formats tighter than some providers' (gitleaks' generated
/// lowercase `dt0c01.` tokens were 155 positives of the external corpus that only generic rules
/// find). Where the specific rule does match, overlap resolution keeps it anyway.
struct TypeMarkers: Sendable {
    /// Prefixed tokens carry 16 or more random bytes after their prefix.
    static let shortTail = 16

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

    /// Whether `value` is a marker, as the marker is written (markers are case-sensitive), and
    /// fewer than `shortTail` more bytes.
    func isShortToken(_ value: UnsafeRawBufferPointer.SubSequence) -> Bool {
        markers.contains { marker in
            value.count > marker.count && value.count < marker.count + Self.shortTail && value.starts(with: marker)
        }
    }
}
