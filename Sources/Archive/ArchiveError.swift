/// What libarchive said when an archive could not be opened or read further: the archive is
/// damaged, truncated, encrypted or of a kind it does not read.
public struct ArchiveError: Error, Sendable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
