#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

#if canImport(Glibc)
/// glibc's `malloc_trim(3)`, which the Glibc module does not export.
@_silgen_name("malloc_trim")
private func glibcMallocTrim(_ pad: Int) -> Int32
#endif

/// `read(2)` and `write(2)`, callable from types that have methods of the same name.
enum SystemCall {
    static func read(_ descriptor: Int32, _ destination: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(descriptor, destination, count)
        #else
        Darwin.read(descriptor, destination, count)
        #endif
    }

    /// Returns memory malloc holds freed to the system (`malloc_trim`); nothing elsewhere.
    static func returnFreedMemory() {
        #if canImport(Glibc)
        _ = glibcMallocTrim(0)
        #endif
    }

    static func write(_ descriptor: Int32, _ source: UnsafeRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(descriptor, source, count)
        #else
        Darwin.write(descriptor, source, count)
        #endif
    }

    /// Writes all of `bytes`, retrying interrupted and partial writes; 0, or the `errno` of the
    /// write that failed (`EIO` if one wrote nothing).
    static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Int32 {
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return count < 0 ? errno : EIO }
            written += count
        }
        return 0
    }

    /// Opens `path` for reading if it is a regular file (after symlinks), without ever blocking:
    /// a FIFO planted where a pack or an object should be would otherwise hang the scan in `open`.
    /// Throws naming `what`, the path and the reason.
    static func openRegularFile(_ path: String, what: String) throws(KeysweepError) -> Int32 {
        try openRegularFileWithSize(path, what: what).descriptor
    }

    /// `openRegularFile`, with the file's size.
    static func openRegularFileWithSize(_ path: String, what: String) throws(KeysweepError) -> (descriptor: Int32, size: Int) {
        try openWithoutBlocking(path, what: what, refusal: onlyRegularFiles)
    }

    private static func onlyRegularFiles(_ type: mode_t) -> String? { type == S_IFREG ? nil : "not a regular file" }

    /// Opens `path` for reading with `O_NONBLOCK` (cleared once open), refusing it, closed, when
    /// `refusal` gives a reason for its file type; returns it with its size.
    private static func openWithoutBlocking(_ path: String, what: String,
                                            refusal: (mode_t) -> String?) throws(KeysweepError) -> (descriptor: Int32, size: Int) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw KeysweepError("cannot read \(what) '\(path)': \(String(cString: strerror(errno)))") }
        var status = stat()
        let reason = fstat(descriptor, &status) == 0 ? refusal(status.st_mode & S_IFMT) : String(cString: strerror(errno))
        if let reason {
            close(descriptor)
            throw KeysweepError("cannot read \(what) '\(path)': \(reason)")
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        return (descriptor, Int(status.st_size))
    }

    /// The whole content of the regular file `path` (opened as `openRegularFile` does), or nil
    /// if it is larger than `limit` bytes, which are then never read. Throws naming `what`, the
    /// path and the reason.
    static func readRegularFile(_ path: String, what: String, limit: Int = .max) throws(KeysweepError) -> [UInt8]? {
        let (descriptor, size) = try openWithoutBlocking(path, what: what, refusal: onlyRegularFiles)
        defer { close(descriptor) }
        guard size <= limit else { return nil }
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            while initialized < size {
                let got = read(descriptor, buffer.baseAddress! + initialized, size - initialized)
                if got < 0, errno == EINTR { continue }
                guard got > 0 else { failure = got < 0 ? errno : EIO; break }
                initialized += got
            }
        }
        guard failure == 0 else { throw KeysweepError("cannot read \(what) '\(path)': \(String(cString: strerror(failure)))") }
        return bytes
    }

    /// Opens `path` as a stream to read once (a file, a pipe, a FIFO, a device), refusing a folder.
    /// Opened without blocking, so that a FIFO with no writer reads as empty instead of hanging.
    static func openStream(_ path: String, what: String) throws(KeysweepError) -> Int32 {
        try openWithoutBlocking(path, what: what) { $0 == S_IFDIR ? "it is a folder, not a file" : nil }.descriptor
    }

    /// Asks for a pipe buffer of `bytes` (Linux; elsewhere, and when refused, the default stays).
    /// git writes blobs faster than a 64 KiB pipe drains: a larger one saves context switches.
    static func growPipe(_ descriptor: Int32, to bytes: Int32) {
        #if os(Linux)
        let setPipeSize: Int32 = 1031  // F_SETPIPE_SZ, which Glibc declares only under _GNU_SOURCE
        _ = fcntl(descriptor, setPipeSize, bytes)
        #endif
    }
}
