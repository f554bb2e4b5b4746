/// Recognises the archives and compressed files Keysweep opens from their first bytes, whatever
/// their name: a `.jar` renamed `.bin` is still a zip, and a `.zip` that is text is not opened.
enum ArchiveMagic {
    /// Bytes of a blob's start that decide (a tar header's magic ends at 262).
    static let probeSize = 512

    /// Whether `bytes` (a blob's first bytes, or all of it) start a zip, a tar, or a gzip, bzip2,
    /// xz or zstd stream.
    static func isArchive(_ bytes: UnsafeRawBufferPointer) -> Bool {
        if startsWith(bytes, [0x50, 0x4B, 0x03, 0x04]) { return true }               // zip and its families
        if startsWith(bytes, [0x1F, 0x8B, 0x08]) { return true }                     // gzip (deflate)
        if startsWith(bytes, [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) { return true }   // xz
        if startsWith(bytes, [0x28, 0xB5, 0x2F, 0xFD]) { return true }               // zstd frame
        if isBzip2(bytes) { return true }
        return isTar(bytes)
    }

    /// `BZh`, a block size digit, then the magic of a first block (pi) or of the end (sqrt pi):
    /// text may start with `BZh`, hardly with those six bytes too.
    private static func isBzip2(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard bytes.count >= 10, startsWith(bytes, Array("BZh".utf8)), (0x31...0x39).contains(bytes[3]) else { return false }
        let block = Array(bytes[4..<10])
        return block == [0x31, 0x41, 0x59, 0x26, 0x53, 0x59] || block == [0x17, 0x72, 0x45, 0x38, 0x50, 0x90]
    }

    /// `ustar` at byte 257 of the first header: POSIX (`ustar\0`) and GNU (`ustar  `) tar.
    private static func isTar(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard bytes.count >= 262 else { return false }
        return Array(bytes[257..<262]) == Array("ustar".utf8)
    }

    private static func startsWith(_ bytes: UnsafeRawBufferPointer, _ magic: [UInt8]) -> Bool {
        bytes.count >= magic.count && zip(magic, bytes).allSatisfy { $0 == $1 }
    }

    /// The name of a lone compressed file's content: `config.env.gz` holds `config.env`, a
    /// `.tgz` a `.tar`; a name with no such extension gets none.
    static func decompressedName(of path: String) -> String {
        let name = path.split(whereSeparator: { $0 == "/" || $0 == "!" }).last.map(String.init) ?? path
        for (suffix, replacement) in [(".tgz", ".tar"), (".gz", ""), (".bz2", ""), (".xz", ""), (".zst", "")] where name.hasSuffix(suffix) {
            return String(name.dropLast(suffix.count)) + replacement
        }
        return name
    }

    /// `members` (`!a!b`), read inside the file or blob named `read`, as they are named inside it
    /// at `placed`. A lone compressed file's content is named after its container, so such names
    /// follow the container's: a history blob is read under its id, and the content of
    /// `prod.env.gz` would otherwise keep the id (`prod.env.gz!a0da8c…`, not `prod.env.gz!prod.env`).
    static func members(_ members: some StringProtocol, readIn read: String, placedIn placed: String) -> String {
        var (container, shownContainer) = (read, placed)
        var renamed = ""
        for component in members.split(separator: "!", omittingEmptySubsequences: false).dropFirst() {
            let name = String(component)
            let shown = name == decompressedName(of: container) ? decompressedName(of: shownContainer) : name
            renamed += "!" + shown
            (container, shownContainer) = (name, shown)
        }
        return renamed
    }
}
