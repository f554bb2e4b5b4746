/// One occurrence of a secret, found by one rule, at one location.
public struct Match: Sendable {
    public let ruleIndex: Int
    public let secret: [UInt8]
    public let entropy: Double
    public let location: Location

    public init(_ match: BlobMatch, path: String) {
        ruleIndex = match.ruleIndex
        secret = match.secret
        entropy = match.entropy
        location = Location(path: path, start: match.start, end: match.end)
    }
}
