/// A secret one rule found in one blob, by byte span, before overlaps are resolved and parts of a
/// credential are put together.
struct Candidate: Sendable, Hashable {
    var rule: Int
    var span: Range<Int>
    /// 1-based line of the span's start (for putting parts together); 0 until known.
    var line = 0
    /// Other rules that matched overlapping bytes and yielded to this one (see `OverlapResolver`).
    var yielded: [Int] = []
    /// Parts the same match captured in groups named after them (`(?<user>…)`, `(?<host>…)`).
    var inner: [InnerPart] = []
}

/// A part of a credential that the secret's own pattern captured, such as the user and host of
/// a URL with a password.
struct InnerPart: Sendable, Hashable {
    let name: CredentialPartName
    let span: Range<Int>
}
