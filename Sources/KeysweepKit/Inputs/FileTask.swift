/// A regular file the walker found, to be read and matched by a worker.
public struct FileTask: Sendable {
    /// The path to open, as the file system has it (its name need not be UTF-8).
    public let path: FileSystemPath
    /// The path as reported: relative to the current folder when the scan root is `.`.
    public let displayPath: String
}
