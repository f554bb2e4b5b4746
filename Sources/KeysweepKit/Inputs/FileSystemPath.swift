/// A path as the file system holds it: bytes, which need not be UTF-8.
///
/// A `String` made from a name that is not valid UTF-8 replaces the bad bytes, and names a file
/// that does not exist: such files were never read. The walker keeps the bytes to open the file,
/// and a `String` only to show it and to match globs.
public struct FileSystemPath: Sendable, Hashable {
    /// The bytes of the path, without a terminating NUL.
    public private(set) var bytes: [UInt8]

    public init(_ path: String) {
        bytes = Array(path.utf8)
    }

    /// This folder's child `name` (bytes of a directory entry).
    func appending(_ name: UnsafeBufferPointer<UInt8>) -> FileSystemPath {
        var child = self
        if child.bytes.last != UInt8(ascii: "/") { child.bytes.append(UInt8(ascii: "/")) }
        child.bytes.append(contentsOf: name)
        return child
    }

    /// The path as shown in reports: bytes that are not UTF-8 become U+FFFD.
    public var description: String { String(decoding: bytes, as: UTF8.self) }

    /// Calls `body` with the path as a C string, for system calls.
    func withCString<Result>(_ body: (UnsafePointer<CChar>) -> Result) -> Result {
        (bytes + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) }
        }
    }
}
