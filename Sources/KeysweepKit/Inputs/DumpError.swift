/// A dump that ends early or holds something unexpected: where, and what was expected there.
public struct DumpError: Error, Sendable, CustomStringConvertible {
    public let source: String
    public let offset: Int
    public let expected: String

    public var description: String { "dump '\(source)' is damaged at byte \(offset): expected \(expected)" }
}
