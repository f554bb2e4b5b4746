#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a report so that a crash never leaves half of one: a regular file (or a new path) is
/// replaced by renaming a complete temporary file from the same folder over it. `-`, pipes, FIFOs
/// and devices such as `/dev/null` are written in place, never replaced.
public enum ReportWriter {
    public static func write(_ bytes: [UInt8], to destination: String) throws(KeysweepError) {
        if destination == "-" {
            try writeAll(bytes, to: STDOUT_FILENO, destination: "standard output")
            return
        }
        var info = stat()
        if stat(destination, &info) == 0 && info.st_mode & S_IFMT != S_IFREG {
            if info.st_mode & S_IFMT == S_IFDIR { throw KeysweepError(.reportNotWritable, path: destination, "is a folder") }
            let descriptor = open(destination, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw KeysweepError(.reportNotWritable, path: destination, errorText()) }
            defer { close(descriptor) }
            try writeAll(bytes, to: descriptor, destination: destination)
            return
        }
        try replaceAtomically(destination, with: bytes)
    }

    /// Checks, before a scan, that `destination` can be written: its folder exists and is
    /// writable (where the temporary file goes), or it is an existing file or device that is not a
    /// folder. A long scan must not end with "cannot write report".
    public static func checkWritable(_ destination: String) throws(KeysweepError) {
        guard destination != "-" else { return }
        var info = stat()
        if stat(destination, &info) == 0 {
            if info.st_mode & S_IFMT == S_IFDIR { throw KeysweepError(.reportNotWritable, path: destination, "is a folder") }
            if info.st_mode & S_IFMT != S_IFREG {
                guard access(destination, W_OK) == 0 else { throw KeysweepError(.reportNotWritable, path: destination, errorText()) }
                return
            }
        }
        let slash = destination.lastIndex(of: "/")
        let folder = slash.map { String(destination[...$0]) } ?? "."
        guard stat(folder, &info) == 0 else {
            throw KeysweepError(.reportNotWritable, path: destination, "its folder '\(folder)' does not exist (\(errorText())); create it first")
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw KeysweepError(.reportNotWritable, path: destination, "'\(folder)' is not a folder")
        }
        guard access(folder, W_OK | X_OK) == 0 else {
            throw KeysweepError(.reportNotWritable, path: destination, "its folder '\(folder)' is not writable (\(errorText()))")
        }
    }

    private static func replaceAtomically(_ destination: String, with bytes: [UInt8]) throws(KeysweepError) {
        let slash = destination.lastIndex(of: "/")
        let folder = slash.map { String(destination[...$0]) } ?? ""
        let name = slash.map { String(destination[destination.index(after: $0)...]) } ?? destination
        var template = Array((folder + "." + name + ".keysweep-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { mkstemp($0) } ?? -1
        }
        guard descriptor >= 0 else { throw KeysweepError(.reportNotWritable, path: destination, "cannot create a temporary file beside it: \(errorText())") }
        let temporary = String(decoding: template.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        do throws(KeysweepError) {
            try writeAll(bytes, to: descriptor, destination: destination)
            let mask = umask(0)
            umask(mask)
            fchmod(descriptor, 0o666 & ~mask)
            guard close(descriptor) == 0 else { throw KeysweepError(.reportNotWritable, path: destination, errorText()) }
            guard rename(temporary, destination) == 0 else { throw KeysweepError(.reportNotWritable, path: destination, errorText()) }
        } catch {
            unlink(temporary)
            throw error
        }
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, destination: String) throws(KeysweepError) {
        let failure = SystemCall.writeAll(descriptor, bytes)
        guard failure == 0 else { throw KeysweepError(.reportNotWritable, path: destination, String(cString: strerror(failure))) }
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }
}
