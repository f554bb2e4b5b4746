#if canImport(Glibc)
import Glibc
#endif

/// Files in memory that hold a fuzz input, for readers that take a path or a file descriptor.
///
/// Under `/dev/shm` (a memory file system), in a folder of this process, rewritten for every
/// input: the readers under test are used unchanged, without a byte-level entry point.
enum ScratchFile {
    /// `/dev/shm/keysweep-fuzz-<pid>`, made on first use.
    static let folder: String = {
        let path = "/dev/shm/keysweep-fuzz-\(getpid())"
        mkdir(path, 0o700)
        atexit { ScratchFile.removeFolder() }
        return path
    }()

    /// Writes `bytes` to `name` in the folder, replacing it; returns its path, or nil if the write failed.
    static func write(_ bytes: UnsafeRawBufferPointer, name: String) -> String? {
        let path = folder + "/" + name
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        return writeAll(bytes, to: descriptor) ? path : nil
    }

    /// A descriptor open for reading on a file `name` holding `bytes`, at its start; the caller closes it.
    static func descriptor(holding bytes: UnsafeRawBufferPointer, name: String) -> Int32? {
        guard let path = write(bytes, name: name) else { return nil }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        return descriptor >= 0 ? descriptor : nil
    }

    private static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Bool {
        var done = 0
        while done < bytes.count {
            let wrote = Glibc.write(descriptor, bytes.baseAddress! + done, bytes.count - done)
            if wrote < 0, errno == EINTR { continue }
            guard wrote > 0 else { return false }
            done += wrote
        }
        return true
    }

    private static func removeFolder() {
        guard let directory = opendir(folder) else { return }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != ".", name != ".." { unlink(folder + "/" + name) }
        }
        closedir(directory)
        rmdir(folder)
    }
}
