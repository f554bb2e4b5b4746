/// Where one occurrence of a secret is: a file path (or, later, a commit and path) and its span.
public struct Location: Sendable, Hashable, Comparable {
    public var path: String
    public var start: TextPosition
    public var end: TextPosition

    public init(path: String, start: TextPosition, end: TextPosition) {
        self.path = path
        self.start = start
        self.end = end
    }

    public static func < (lhs: Location, rhs: Location) -> Bool {
        if lhs.path != rhs.path { return lhs.path.utf8.lexicographicallyPrecedes(rhs.path.utf8) }
        if lhs.start != rhs.start { return lhs.start < rhs.start }
        return lhs.end < rhs.end
    }
}
