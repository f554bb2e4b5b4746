#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads whole files into one reusable buffer owned by a worker, so the hot path allocates nothing
/// per file (DESIGN.md: `Data(contentsOf:)` per file costs about twice the read itself).
final class FileReader {
    private var storage: UnsafeMutableRawPointer
    private var capacity: Int
    let maxFileSize: Int

    /// What reading one file gave.
    enum Outcome {
        case bytes(UnsafeRawBufferPointer)
        case skipped(SkipReason, String)
    }

    init(maxFileSize: Int) {
        self.maxFileSize = maxFileSize
        capacity = 1 << 20
        storage = .allocate(byteCount: capacity, alignment: 16)
    }

    deinit {
        storage.deallocate()
    }

    /// Opens `path` without blocking (a FIFO must not hang the scan), checks that it is a regular
    /// file within the size limit, and reads it. A binary file is recognised from its first
    /// `binaryProbeSize` bytes and the rest is never read. The bytes are valid until the next call.
    func read(_ path: FileSystemPath) -> Outcome {
        let descriptor = path.withCString { open($0, O_RDONLY | O_CLOEXEC | O_NONBLOCK) }
        guard descriptor >= 0 else { return .skipped(.unreadable, "cannot open: \(DirectoryWalker.errorText())") }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .skipped(.unreadable, "cannot stat: \(DirectoryWalker.errorText())") }
        guard info.st_mode & S_IFMT == S_IFREG else { return .skipped(.specialFile, "not a regular file") }
        let size = Int(info.st_size)
        guard size <= maxFileSize else { return .skipped(.tooLarge, "larger than \(maxFileSize) bytes") }
        if size > capacity {
            storage.deallocate()
            capacity = size
            storage = .allocate(byteCount: capacity, alignment: 16)
        }
        guard var total = fill(descriptor, upTo: min(size, Self.binaryProbeSize), from: 0) else {
            return .skipped(.unreadable, "cannot read: \(DirectoryWalker.errorText())")
        }
        if Self.looksBinary(UnsafeRawBufferPointer(start: storage, count: total)) { return .skipped(.binary, "binary file") }
        if total == Self.binaryProbeSize {
            guard let rest = fill(descriptor, upTo: size, from: total) else {
                return .skipped(.unreadable, "cannot read: \(DirectoryWalker.errorText())")
            }
            total = rest
        }
        return .bytes(UnsafeRawBufferPointer(start: storage, count: total))
    }

    /// Reads into the buffer from offset `total` until `end` or end of file; returns the offset
    /// reached, or nil on a read error.
    private func fill(_ descriptor: Int32, upTo end: Int, from total: Int) -> Int? {
        var total = total
        while total < end {
            let count = SystemCall.read(descriptor, storage + total, end - total)
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            total += count
        }
        return total
    }

    /// How much of a file decides whether it is binary (as git decides).
    static let binaryProbeSize = 8192

    /// Binary files are recognised as git does: a NUL byte in the first 8 KiB.
    static func looksBinary(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        return memchr(base, 0, min(bytes.count, binaryProbeSize)) != nil
    }
}
