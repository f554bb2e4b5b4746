#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Digest
import Inflate

/// Reads loose objects (`objects/ab/cdef…`, one zlib stream of `<type> <size>\0<content>`) without
/// git, checking each against its id.
///
/// In-process rather than by `git cat-file`: git trusts a loose object's declared size and type,
/// so a stranger's repository could make it stream gigabytes past a header that said one byte,
/// or pass a tree off as a blob. Here the inflated size is bounded before anything is allocated,
/// and the SHA-1 of what was read must be the object's id.
struct LooseObjectReader {
    enum Outcome {
        case blob([UInt8])
        /// A commit, tree or tag: not scanned.
        case other
        /// More than the largest blob scanned (its type is not known then).
        case tooLarge
    }

    let objectDirectory: String
    let maxFileSize: Int
    private let decompressor = ZlibDecompressor()

    init(objectDirectory: String, maxFileSize: Int) {
        self.objectDirectory = objectDirectory
        self.maxFileSize = maxFileSize
    }

    /// `<type> <size>\0`: the longest header is a tag's with a 19-digit size.
    private static let longestHeader = 32

    /// The object `id` (40 hex digits); throws naming the file if it is unreadable or damaged.
    func read(_ id: String) throws(KeysweepError) -> Outcome {
        let path = objectDirectory + "/" + id.prefix(2) + "/" + id.dropFirst(2)
        let descriptor = try SystemCall.openRegularFile(path, what: "loose object")
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw failure(path, String(cString: strerror(errno))) }
        let stored = Int(status.st_size)
        // Deflate expands at most 1032 to 1, and stores at a small overhead: a file much larger
        // than the limit cannot hold a blob within it.
        guard stored <= maxFileSize + maxFileSize / 64 + 4096 else { return .tooLarge }
        let compressed = try Self.readAll(descriptor, count: stored, path: path)
        let capacity = min(maxFileSize + Self.longestHeader, stored * 1032 + 64)
        var outcome = ZlibDecompressor.BoundedOutcome.damaged
        let inflated = [UInt8](unsafeUninitializedCapacity: capacity) { output, initialized in
            outcome = compressed.withUnsafeBytes { decompressor.inflate($0, upTo: UnsafeMutableRawBufferPointer(output)) }
            if case .inflated(let count) = outcome { initialized = count }
        }
        switch outcome {
        case .tooLarge: return .tooLarge
        case .damaged: throw damaged(path, "it does not inflate")
        case .inflated: break
        }
        guard let end = inflated.prefix(Self.longestHeader).firstIndex(of: 0) else { throw damaged(path, "it has no object header") }
        let fields = inflated[..<end].split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        guard fields.count == 2, let type = Self.types.firstIndex(where: { fields[0].elementsEqual($0) }),
              !fields[1].isEmpty, fields[1].count <= 18, fields[1].allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
              Int(String(decoding: fields[1], as: UTF8.self)) == inflated.count - end - 1 else {
            throw damaged(path, "its header does not give its type and its \(inflated.count - end - 1) bytes")
        }
        guard SHA1.hash(inflated).hexString == id else { throw damaged(path, "its content does not hash to its id") }
        guard type == 0 else { return .other }
        return .blob(Array(inflated[(end + 1)...]))
    }

    private static let types = ["blob", "tree", "commit", "tag"].map { Array($0.utf8) }

    private static func readAll(_ descriptor: Int32, count: Int, path: String) throws(KeysweepError) -> [UInt8] {
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            while initialized < count {
                let got = SystemCall.read(descriptor, buffer.baseAddress! + initialized, count - initialized)
                if got < 0, errno == EINTR { continue }
                guard got > 0 else { failure = got < 0 ? errno : EIO; break }
                initialized += got
            }
        }
        guard failure == 0 else { throw KeysweepError("cannot read loose object '\(path)': \(String(cString: strerror(failure)))") }
        return bytes
    }

    private func failure(_ path: String, _ reason: String) -> KeysweepError {
        KeysweepError("cannot read loose object '\(path)': \(reason)")
    }

    private func damaged(_ path: String, _ reason: String) -> KeysweepError {
        KeysweepError("damaged loose object '\(path)': \(reason)")
    }
}
