#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
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

    /// Asks for a pipe buffer of `bytes` (Linux; elsewhere, and when refused, the default stays).
    /// git writes blobs faster than a 64 KiB pipe drains: a larger one saves context switches.
    static func growPipe(_ descriptor: Int32, to bytes: Int32) {
        #if os(Linux)
        let setPipeSize: Int32 = 1031  // F_SETPIPE_SZ, which Glibc declares only under _GNU_SOURCE
        _ = fcntl(descriptor, setPipeSize, bytes)
        #endif
    }
}
