#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The entries of a git tree object, read where they lie: `<octal mode> <name>\0<20-byte id>`,
/// sorted in git's order (see `GitTree.order`). Nothing is copied.
struct GitTree {
    struct Entry {
        let mode: UInt32
        let name: UnsafeRawBufferPointer
        let id: ObjectID

        /// A folder (mode 040000), which git sorts as if its name ended in `/`.
        var isTree: Bool { mode == 0o040000 }
        /// A submodule (mode 160000): the id is a commit in another repository.
        var isSubmodule: Bool { mode == 0o160000 }
    }

    /// A place in a tree's bytes, moved entry by entry.
    struct Cursor {
        let bytes: UnsafeRawBufferPointer
        /// Where the current entry starts.
        private(set) var at = 0
        /// The tree's id, for messages.
        let id: ObjectID?

        init(_ bytes: UnsafeRawBufferPointer, id: ObjectID?) {
            self.bytes = bytes
            self.id = id
        }

        /// What a message calls the tree.
        private var what: String { id?.hex ?? "" }

        var atEnd: Bool { at >= bytes.count }

        /// The current entry's bytes, from its mode to the end of its id.
        func raw() throws(KeysweepError) -> UnsafeRawBufferPointer {
            let rest = bytes.count - at
            guard let start = bytes.baseAddress, rest > ObjectID.byteCount + 2,
                  let nul = memchr(start + at, 0, rest - ObjectID.byteCount) else {
                throw KeysweepError("damaged tree \(what): an entry is cut short")
            }
            let end = (UnsafeRawPointer(nul) - start) + 1 + ObjectID.byteCount
            return UnsafeRawBufferPointer(rebasing: bytes[at..<end])
        }

        /// The current entry, parsed.
        func entry() throws(KeysweepError) -> Entry {
            let raw = try raw()
            var mode: UInt32 = 0
            var index = 0
            while raw[index] != UInt8(ascii: " ") {
                let digit = raw[index] &- UInt8(ascii: "0")
                guard digit < 8, index < 7 else { throw KeysweepError("damaged tree \(what): an entry's mode is not octal") }
                mode = mode << 3 | UInt32(digit)
                index += 1
            }
            let nameEnd = raw.count - ObjectID.byteCount - 1
            guard index > 0, index + 1 < nameEnd else { throw KeysweepError("damaged tree \(what): an entry has no name") }
            return Entry(mode: GitTree.canonical(mode), name: UnsafeRawBufferPointer(rebasing: raw[(index + 1)..<nameEnd]),
                         id: ObjectID(UnsafeRawBufferPointer(rebasing: raw[(nameEnd + 1)...])))
        }

        mutating func advance(past raw: UnsafeRawBufferPointer) { at += raw.count }

        /// Moves past the current entry if it is `raw` byte for byte (most entries are the same
        /// on both sides of a diff); whether it was.
        mutating func skip(ifSameAs raw: UnsafeRawBufferPointer) throws(KeysweepError) -> Bool {
            guard !atEnd else { return false }
            let current = try self.raw()
            guard current.count == raw.count, memcmp(current.baseAddress!, raw.baseAddress!, raw.count) == 0 else { return false }
            advance(past: current)
            return true
        }

        /// Moves past the entries git orders before `entry` (which the other side no longer has)
        /// and past the one at `entry`'s path, which it returns; nil if there is none.
        mutating func skip(toPathOf entry: Entry) throws(KeysweepError) -> Entry? {
            while !atEnd {
                let candidate = try self.entry()
                let order = GitTree.order(candidate, entry)
                if order > 0 { return nil }
                advance(past: try raw())
                if order == 0 { return candidate }
            }
            return nil
        }
    }

    /// The mode git compares (`canon_mode`): a file is 100644 or 100755 whatever other permission
    /// bits an old tree recorded, and anything that is not a file, link or folder is a submodule.
    static func canonical(_ mode: UInt32) -> UInt32 {
        switch mode & 0o170000 {
        case 0o100000: 0o100000 | (mode & 0o100 != 0 ? 0o755 : 0o644)
        case 0o120000: 0o120000
        case 0o040000: 0o040000
        default: 0o160000
        }
    }

    /// Git's order of tree entries (`base_name_compare`): by name bytes, a folder's name compared
    /// as if it ended in `/`. Negative, zero or positive. Two entries are the same path only when
    /// both or neither are folders.
    static func order(_ left: Entry, _ right: Entry) -> Int {
        let common = min(left.name.count, right.name.count)
        let compared = memcmp(left.name.baseAddress!, right.name.baseAddress!, common)
        if compared != 0 { return Int(compared) }
        func next(_ entry: Entry) -> Int {
            entry.name.count > common ? Int(entry.name[common]) : entry.isTree ? Int(UInt8(ascii: "/")) : 0
        }
        return next(left) - next(right)
    }
}
