#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard input, read whole as one blob (`keysweep scan -`).
enum StandardInput {
    /// Everything on standard input, or nil once it holds more than `limit` bytes: an endless
    /// stream (`/dev/zero`) stops at the file-size limit instead of filling memory.
    static func read(limit: Int) -> [UInt8]? {
        ByteStreamReader(fileDescriptor: STDIN_FILENO).readToEnd(limit: limit)
    }
}
