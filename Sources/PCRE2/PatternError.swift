/// A pattern that PCRE2 refused to compile: where in the pattern, and PCRE2's reason.
public struct PatternError: Error, Sendable, CustomStringConvertible {
    public let offset: Int
    public let message: String

    public var description: String { "at offset \(offset): \(message)" }
}
