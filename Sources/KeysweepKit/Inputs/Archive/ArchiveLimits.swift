/// How far a scan opens archives. Each limit hit is counted (`SkipReason.archiveLimit`) and
/// warned about with the archive named; the rest of the scan goes on.
public struct ArchiveLimits: Sendable, Equatable {
    /// How deep archives nest before one is left closed: 1 opens only archives found as files or
    /// blobs; 0 opens none (they are then binary files).
    public var depth: Int
    /// A member that expands to more than this many times the bytes it took is a bomb: it is left
    /// unscanned (see `ArchiveExpander.ratioFloor`).
    public var ratio: Int
    /// Bytes expanded, at every level, per archive found as a file or blob.
    public var bytesPerArchive: Int
    /// Entries read, at every level, per archive found as a file or blob.
    public var entriesPerArchive: Int

    public init(depth: Int = 8, ratio: Int = 100, bytesPerArchive: Int = 1 << 30, entriesPerArchive: Int = 100_000) {
        self.depth = depth
        self.ratio = ratio
        self.bytesPerArchive = bytesPerArchive
        self.entriesPerArchive = entriesPerArchive
    }

    public static let none = ArchiveLimits(depth: 0)
}
