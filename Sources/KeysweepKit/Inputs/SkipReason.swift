/// Why a file or folder was not scanned; counted in the scan statistics.
public enum SkipReason: String, Sendable, CaseIterable, Codable {
    case binary
    case tooLarge = "too-large"
    case excluded
    case symlink
    case brokenSymlink = "broken-symlink"
    case symlinkLoop = "symlink-loop"
    case specialFile = "special-file"
    case unreadable
    /// An encrypted archive member (zip), which cannot be read without its password.
    case encrypted
    /// Left out by an archive limit: nesting depth, expansion ratio, bytes or entries.
    case archiveLimit = "archive-limit"
    /// An archive that could not be opened or read to its end.
    case damagedArchive = "damaged-archive"

    /// Whether a skip is worth a warning (the user may not expect it), rather than only a count.
    public var warns: Bool {
        switch self {
        case .brokenSymlink, .symlinkLoop, .unreadable, .archiveLimit, .damagedArchive: true
        case .binary, .tooLarge, .excluded, .symlink, .specialFile, .encrypted: false
        }
    }
}

/// One thing that could not be scanned, with the reason in words.
public struct ScanWarning: Sendable, Hashable, Comparable, Codable {
    public let path: String
    public let reason: SkipReason
    public let message: String

    public static func < (lhs: ScanWarning, rhs: ScanWarning) -> Bool {
        (lhs.path, lhs.message) < (rhs.path, rhs.message)
    }
}
