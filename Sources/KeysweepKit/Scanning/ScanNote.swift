/// Advice about a whole scan rather than one skipped input ("the repository has no commits yet"):
/// printed on standard error, not written into reports, whose formats stay as they are.
public struct ScanNote: Sendable, Hashable {
    public enum Level: Sendable { case note, warning }

    public let level: Level
    public let message: String

    public init(_ level: Level, _ message: String) {
        self.level = level
        self.message = message
    }
}
