import CLibarchive

/// Reads the entries of an archive and their bytes with libarchive: zip and its families, tar,
/// and gzip, bzip2, xz and zstd, around a tar or alone (a lone compressed file is one entry).
/// With `LibArchive`, the only code that imports CLibarchive or holds its pointers; no format is
/// parsed here.
///
/// Only the zip, tar and raw formats and the four filters are enabled: libarchive's "all" would
/// add formats nobody asked for and filters that run external programs (lrzip, lzop, grzip).
/// Nothing is ever written: entries are read into the caller's buffers.
///
/// Not thread-safe and not `Sendable`: each worker opens its own, and a nested reader pulls its
/// bytes from its parent on the same thread.
public final class ArchiveReader {
    private let library: LibArchive
    private let handle: OpaquePointer
    /// Kept alive while libarchive reads from it: the bytes of `init(bytes:)`, or the stream.
    private var memory: [UInt8] = []
    private var stream: StreamContext?

    /// Bytes per read from a descriptor or from memory: small enough that the raw bytes read so
    /// far (`rawBytesRead`) track what an entry really took, for the expansion-ratio limit.
    public static let blockSize = 64 * 1024

    /// Reads the archive open at `descriptor` (not closed here). Throws if it is not one.
    public init(fileDescriptor descriptor: Int32) throws(ArchiveError) {
        (library, handle) = try Self.makeHandle()
        try check(library.readOpenFd(handle, descriptor, Self.blockSize), opening: true)
    }

    /// Reads an archive held in memory.
    public init(bytes: [UInt8]) throws(ArchiveError) {
        (library, handle) = try Self.makeHandle()
        memory = bytes
        let status = memory.withUnsafeBytes { buffer in
            // The array is not mutated while the reader lives, so its storage stays where it is.
            library.readOpenMemory2(handle, UnsafeMutableRawPointer(mutating: buffer.baseAddress), buffer.count, Self.blockSize)
        }
        try check(status, opening: true)
    }

    /// Reads an archive from a stream of bytes, such as a member of another archive: `pull`
    /// fills the buffer it is given and returns the count, 0 at the end, or -1 on an error.
    /// Streamed zips are read from their local headers, since the stream cannot seek.
    public init(pull: @escaping (UnsafeMutableRawBufferPointer) -> Int) throws(ArchiveError) {
        (library, handle) = try Self.makeHandle()
        let context = StreamContext(pull: pull, size: Self.blockSize)
        stream = context
        let status = library.readOpen(handle, Unmanaged.passUnretained(context).toOpaque(), nil, { _, client, out in
            guard let client, let out else { return -1 }
            let context = Unmanaged<StreamContext>.fromOpaque(client).takeUnretainedValue()
            let count = context.pull(context.buffer)
            out.pointee = UnsafeRawPointer(context.buffer.baseAddress)
            return count < 0 ? -1 : count
        }, nil)
        try check(status, opening: true)
    }

    deinit {
        _ = library.readFree(handle)
    }

    private static func makeHandle() throws(ArchiveError) -> (LibArchive, OpaquePointer) {
        let library = try LibArchive.loaded.get()
        guard let handle = library.readNew() else { throw ArchiveError("libarchive: out of memory") }
        for enable in [library.supportFormatZip, library.supportFormatTar, library.supportFormatRaw, library.supportFilterGzip,
                       library.supportFilterBzip2, library.supportFilterXz, library.supportFilterZstd] {
            _ = enable(handle)
        }
        return (library, handle)
    }

    /// The next entry, or nil after the last one. Throws when the archive is damaged there.
    public func nextEntry() throws(ArchiveError) -> ArchiveEntry? {
        var entry: OpaquePointer?
        let status = library.readNextHeader(handle, &entry)
        if status == ARCHIVE_EOF { return nil }
        try check(status, opening: false)
        guard let entry else { throw ArchiveError("libarchive returned no entry") }
        let name = library.entryPathnameUTF8(entry) ?? library.entryPathname(entry)
        let size = library.entrySizeIsSet(entry) != 0 ? Int(library.entrySize(entry)) : nil
        return ArchiveEntry(
            path: name.map { String(cString: $0) } ?? "",
            isRegularFile: library.entryFiletype(entry) == 0o100000,
            isEncrypted: library.entryIsDataEncrypted(entry) != 0,
            declaredSize: size
        )
    }

    /// Reads the current entry's next bytes into `buffer`: the count, 0 at the end of the entry.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(ArchiveError) -> Int {
        let count = library.readData(handle, buffer.baseAddress, buffer.count)
        guard count >= 0 else { throw ArchiveError(errorText()) }
        return count
    }

    /// Bytes read so far from the source (before decompression).
    public var rawBytesRead: Int { Int(library.filterBytes(handle, -1)) }

    /// `ZIP 2.0 (deflation)`, `GNU tar format`, `raw`: what libarchive took the input for.
    public var formatName: String { library.formatName(handle).map { String(cString: $0) } ?? "unknown" }

    /// Throws libarchive's message for a failed call. A warning (a name it could not convert,
    /// say) is not a failure.
    private func check(_ status: Int32, opening: Bool) throws(ArchiveError) {
        guard status != ARCHIVE_OK && status != ARCHIVE_WARN else { return }
        throw ArchiveError((opening ? "cannot open: " : "") + errorText())
    }

    private func errorText() -> String {
        library.errorString(handle).map { String(cString: $0) } ?? "damaged archive"
    }
}

/// The buffer and the source of a streamed archive, passed to libarchive's read callback.
private final class StreamContext {
    let pull: (UnsafeMutableRawBufferPointer) -> Int
    let buffer: UnsafeMutableRawBufferPointer

    init(pull: @escaping (UnsafeMutableRawBufferPointer) -> Int, size: Int) {
        self.pull = pull
        buffer = .allocate(byteCount: size, alignment: 16)
    }

    deinit { buffer.deallocate() }
}
