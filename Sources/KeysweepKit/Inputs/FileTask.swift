/// A regular file the walker found, to be read and matched by a worker.
public struct FileTask: Sendable {
    /// The path to open.
    public let path: String
    /// The path as reported: relative to the current folder when the scan root is `.`.
    public let displayPath: String
}
