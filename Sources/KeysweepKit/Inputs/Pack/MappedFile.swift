#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A regular file mapped read-only into memory, as git maps its pack indexes: its pages are the
/// page cache's, shared with git and dropped by the kernel under pressure, so a large index costs
/// no private memory. The mapping lives as long as this object.
///
/// Git replaces index files by renaming new ones over them, never by writing in place, so the
/// bytes do not change under the scan (a file truncated while mapped would fault, as it would
/// for git).
final class MappedFile: @unchecked Sendable {
    /// The file's bytes; empty for an empty file.
    let bytes: UnsafeRawBufferPointer
    private let mapping: UnsafeMutableRawPointer?

    /// Maps `path`, refused (with `what` and the reason) unless it is a regular file.
    init(path: String, what: String) throws(KeysweepError) {
        let (descriptor, size) = try SystemCall.openRegularFileWithSize(path, what: what)
        defer { close(descriptor) }
        guard size > 0 else {
            mapping = nil
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0)
        guard let mapped, mapped != MAP_FAILED else {
            throw KeysweepError("cannot read \(what) '\(path)': \(String(cString: strerror(errno)))")
        }
        mapping = mapped
        bytes = UnsafeRawBufferPointer(start: mapped, count: size)
    }

    /// Gives the pages read so far back (they count in the process's resident memory while
    /// mapped); what is read later is mapped again from the page cache.
    func releasePages() {
        if let mapping { _ = madvise(mapping, bytes.count, MADV_DONTNEED) }
    }

    deinit {
        if let mapping { munmap(mapping, bytes.count) }
    }
}
