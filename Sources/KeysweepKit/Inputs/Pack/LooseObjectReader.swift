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
        /// An object of any type, when asked for one.
        case object(PackEntryHeader.ObjectType, [UInt8])
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
    /// A blob, or `.other`; with `anyType`, the object whatever its type.
    func read(_ id: String, anyType: Bool = false) throws(KeysweepError) -> Outcome {
        let path = objectDirectory + "/" + id.prefix(2) + "/" + id.dropFirst(2)
        // Deflate stores at a small overhead: a file much larger than the limit cannot hold a
        // blob within it, and is not read.
        guard let compressed = try SystemCall.readRegularFile(path, what: "loose object",
                                                             limit: maxFileSize + maxFileSize / 64 + 4096) else { return .tooLarge }
        // Deflate expands at most 1032 to 1: no buffer larger than the stream can fill.
        let capacity = min(maxFileSize + Self.longestHeader, compressed.count * 1032 + 64)
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
        if anyType { return .object(Self.packTypes[type], Array(inflated[(end + 1)...])) }
        guard type == 0 else { return .other }
        return .blob(Array(inflated[(end + 1)...]))
    }

    private static let types = ["blob", "tree", "commit", "tag"].map { Array($0.utf8) }
    private static let packTypes: [PackEntryHeader.ObjectType] = [.blob, .tree, .commit, .tag]

    private func damaged(_ path: String, _ reason: String) -> KeysweepError {
        KeysweepError("damaged loose object '\(path)': \(reason)")
    }
}
