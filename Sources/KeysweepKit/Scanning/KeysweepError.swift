/// An error that ends a run with exit code 2: bad arguments, rules, inputs or outputs.
public struct KeysweepError: Error, Sendable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
