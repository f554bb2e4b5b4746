#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Digest

/// A pack's index (`.idx`, version 2): the id and the offset of every object in its pack.
///
/// The file is mapped, not copied (see `MappedFile`): ids, CRCs and offsets are read where git
/// wrote them, ids found by binary search. The only private memory per object is its place in
/// pack order, the order objects are read in (4 bytes), and its offset (8 bytes, looked up at
/// every delta's base): a store of 10 million objects keeps 120 MB; while the index is read,
/// another 8 bytes per object sort it.
struct PackIndex: Sendable {
    static let idLength = 20
    private static let idsStart = 8 + 256 * 4

    /// Objects in the pack.
    let count: Int
    /// The whole `.idx` file.
    private let file: MappedFile
    /// For each pack position, the object's place in the index (where its id and CRC are).
    private let indexPositions: [UInt32]
    /// For each pack position, the object's offset in the pack: read at every delta's base, where a
    /// search of the index's own table, through `indexPositions`, cost 4% of a scan's CPU.
    private let offsets: [UInt64]

    private var bytes: UnsafeRawBufferPointer { file.bytes }

    /// Reads `path`; nil if it is a version 1 index (which predates git 1.5.2: git reads those).
    /// Anything else that is not a whole version 2 index, checksum included, is an error that
    /// names the file: a store that cannot be read must not pass as a store with nothing in it.
    /// Without `inPackOrder` the objects are not put in pack order (which sorts them all: 0.1 s
    /// on a million objects) and the checksum is not checked; only `location(of:)` may then be
    /// asked, not positions.
    init?(path: String, inPackOrder: Bool = true) throws(KeysweepError) {
        let file = try MappedFile(path: path, what: "pack index")
        let bytes = file.bytes
        func damaged(_ reason: String) -> KeysweepError { KeysweepError("damaged pack index '\(path)': \(reason)") }
        guard bytes.count >= 8 else { throw damaged(bytes.isEmpty ? "it is empty" : "it is \(bytes.count) bytes, too short for a header") }
        guard bytes[0...3].elementsEqual([0xFF, 0x74, 0x4F, 0x63]) else {
            // Version 1 has no header: it starts with the fan-out table. Too short for one is damage.
            guard bytes.count >= 256 * 4 + 2 * Self.idLength else { throw damaged("it is neither a version 2 nor a version 1 index") }
            return nil
        }
        let version = Self.bigEndian32(bytes, at: 4)
        guard version == 2 else { throw damaged("version \(version); only versions 1 and 2 exist") }
        guard bytes.count >= Self.idsStart + 2 * Self.idLength else { throw damaged("it is \(bytes.count) bytes, too short for its fan-out table") }
        let count = Int(Self.bigEndian32(bytes, at: 8 + 255 * 4))
        // Ids, then a CRC and a 31-bit offset per object, then 64-bit offsets, then two checksums.
        let largeStart = Self.idsStart + count * (Self.idLength + 8)
        guard bytes.count >= largeStart + 2 * Self.idLength else {
            throw damaged("shorter than its \(count) objects need")
        }
        // The fan-out bounds every id search: it must never decrease (its last entry is the count).
        var previous: UInt32 = 0
        for first in 0..<256 {
            let entry = Self.bigEndian32(bytes, at: 8 + first * 4)
            guard entry >= previous else { throw KeysweepError("damaged pack index '\(path)': its fan-out table decreases") }
            previous = entry
        }
        guard inPackOrder else {
            // Read by search, as git reads an index: every read is bounded, but the checksum of
            // the whole file is not worked out, which would read all of it for the few pages a
            // range's searches touch (Symfony: 38 MB hashed, about 30 ms of a 100-commit range).
            file.releasePages()
            self.count = count
            self.file = file
            indexPositions = []
            offsets = []
            return
        }
        // Everything is read here: the last 20 bytes must be the SHA-1 of everything before them.
        let hasher = SHA1()
        hasher.update(UnsafeRawBufferPointer(rebasing: bytes[..<(bytes.count - Self.idLength)]))
        guard hasher.finish().elementsEqual(bytes.suffix(Self.idLength)) else {
            throw damaged("its checksum does not match its content")
        }
        // Sorted by offset, each key carrying its index position in the low 32 bits (an index
        // holds fewer than 2^32 objects); an offset of 2^32 or more is sorted on its own.
        var keys: [UInt64] = []
        keys.reserveCapacity(count)
        var large: [(offset: UInt64, index: UInt32)] = []
        for index in 0..<count {
            guard let offset = Self.offset(at: index, in: bytes, count: count) else {
                throw KeysweepError("damaged pack index '\(path)': a large offset is out of the file")
            }
            if offset < 1 << 32 {
                keys.append(offset << 32 | UInt64(index))
            } else {
                large.append((offset, UInt32(index)))
            }
        }
        OffsetSort.sortByHighHalf(&keys)
        large.sort { $0.offset < $1.offset }
        var positions = keys.map { UInt32(truncatingIfNeeded: $0) }
        positions += large.map(\.index)
        offsets = keys.map { $0 >> 32 } + large.map(\.offset)
        keys = []
        // The checks read every page; only some are read again (ids searched, CRCs of objects
        // inflated): on Symfony's 38 MB index the rest stayed resident for nothing.
        file.releasePages()
        self.count = count
        self.file = file
        indexPositions = positions
        for position in 1..<max(1, count) where offset(at: position) == offset(at: position - 1) {
            throw damaged("two objects at offset \(offset(at: position))")
        }
    }

    /// Whether positions (pack order) may be asked for.
    var isInPackOrder: Bool { offsets.count == count }

    /// The pack offset of the object at pack position `position`; they ascend with the position.
    func offset(at position: Int) -> UInt64 { offsets[position] }

    /// The id of the object at pack position `position`, in hex.
    func id(at position: Int) -> String { rawID(at: position).hexString }

    /// The id of the object at pack position `position`, as 20 raw bytes (valid while the index is).
    func rawID(at position: Int) -> UnsafeRawBufferPointer {
        let start = Self.idsStart + Int(indexPositions[position]) * Self.idLength
        return UnsafeRawBufferPointer(rebasing: bytes[start..<(start + Self.idLength)])
    }

    /// The checksum of the pack this index describes, which the pack ends with.
    var packChecksum: [UInt8] { Array(bytes[(bytes.count - 2 * Self.idLength)..<(bytes.count - Self.idLength)]) }

    /// The CRC-32 the index records for the stored bytes (header and data) of the object at pack
    /// position `position`.
    func crc(at position: Int) -> UInt32 {
        Self.bigEndian32(bytes, at: Self.idsStart + count * Self.idLength + Int(indexPositions[position]) * 4)
    }

    /// Whether the index holds `id` (20 raw bytes).
    func contains(_ id: some Collection<UInt8>) -> Bool { indexPosition(of: id) != nil }

    /// Gives back the pages of the index read so far (they count as resident memory while
    /// mapped); later searches map what they read again.
    func releasePages() { file.releasePages() }

    /// The pack offset of the object `id` (20 raw bytes), if the pack holds it; nil too if its
    /// offset is out of the file.
    func location(of id: some Collection<UInt8>) -> UInt64? {
        guard let index = indexPosition(of: id) else { return nil }
        return Self.offset(at: index, in: bytes, count: count)
    }

    /// The pack position of the object `id` (20 raw bytes), if the pack holds it.
    func position(of id: some Collection<UInt8>) -> Int? {
        guard let index = indexPosition(of: id), let offset = Self.offset(at: index, in: bytes, count: count) else { return nil }
        return position(atOffset: offset)
    }

    /// The pack position of the object that starts at `offset`, if one does.
    func position(atOffset offset: UInt64) -> Int? {
        offsets.withUnsafeBufferPointer { offsets in
            var low = 0
            var high = offsets.count
            while low < high {
                let middle = (low + high) / 2
                if offsets[middle] < offset { low = middle + 1 } else { high = middle }
            }
            return low < offsets.count && offsets[low] == offset ? low : nil
        }
    }

    /// The place of `id` (20 raw bytes) among the index's sorted ids, if the pack holds it: a
    /// search narrowed by the fan-out table, comparing with `memcmp`.
    func indexPosition(of id: some Collection<UInt8>) -> Int? {
        guard id.count == Self.idLength, let first = id.first else { return nil }
        let found: Int?? = id.withContiguousStorageIfAvailable { wanted in
            indexPosition(of: UnsafeRawBufferPointer(wanted), first: first)
        }
        if let found { return found }
        return Array(id).withUnsafeBytes { indexPosition(of: $0, first: first) }
    }

    /// Ids are hashes, spread evenly: a few probes where the id's next 8 bytes say it should be
    /// narrow the search to a few entries (each probe of a binary search is a cache miss, and
    /// often a page of the index not at hand: 13 of them in each of Symfony's 5,000-id fan-out
    /// ranges). A few only, then halving: an index of ids that are not spread evenly costs no
    /// more than a binary search and a few probes.
    private func indexPosition(of wanted: UnsafeRawBufferPointer, first: UInt8) -> Int? {
        var low = first == 0 ? 0 : Int(Self.bigEndian32(bytes, at: 8 + (Int(first) - 1) * 4))
        var high = Int(Self.bigEndian32(bytes, at: 8 + Int(first) * 4))
        guard let base = bytes.baseAddress, let target = wanted.baseAddress, low < high, high <= count else { return nil }
        let ids = base + Self.idsStart
        func key(_ id: UnsafeRawPointer) -> UInt64 { UInt64(bigEndian: id.loadUnaligned(fromByteOffset: 1, as: UInt64.self)) }
        let wantedKey = key(target)
        let wantedHead = UInt64(bigEndian: target.loadUnaligned(as: UInt64.self))
        // The keys of the ids just outside `low..<high`, as far as they are known.
        var lowKey: UInt64 = 0
        var highKey: UInt64 = .max
        var probes = 0
        while low < high {
            let middle: Int
            if probes < 4, high - low > 8, lowKey <= wantedKey, wantedKey <= highKey, lowKey < highKey {
                let fraction = Double(wantedKey - lowKey) / Double(highKey - lowKey)
                middle = min(high - 1, low + Int(fraction * Double(high - low)))
                probes += 1
            } else {
                middle = (low + high) / 2
            }
            let candidate = ids + middle * Self.idLength
            // The first 8 bytes nearly always decide (and cost no call); the rest only on a tie.
            let candidateHead = UInt64(bigEndian: candidate.loadUnaligned(as: UInt64.self))
            let compared = candidateHead != wantedHead ? (candidateHead < wantedHead ? -1 : 1)
                : memcmp(candidate + 8, target + 8, Self.idLength - 8)
            if compared < 0 {
                low = middle + 1
                lowKey = key(candidate)
            } else if compared == 0 {
                return middle
            } else {
                high = middle
                highKey = key(candidate)
            }
        }
        return nil
    }

    /// The pack offset of the object at `index` (in id order): 31 bits in the offset table, or for a
    /// pack over 2 GiB, an entry of the table of 64-bit offsets; nil if that entry is out of the file.
    private static func offset(at index: Int, in bytes: UnsafeRawBufferPointer, count: Int) -> UInt64? {
        let offsetStart = idsStart + count * (idLength + 4)
        let small = bigEndian32(bytes, at: offsetStart + index * 4)
        guard small & 0x8000_0000 != 0 else { return UInt64(small) }
        let at = offsetStart + count * 4 + Int(small & 0x7FFF_FFFF) * 8
        guard at + 8 <= bytes.count - 2 * idLength else { return nil }
        return UInt64(bigEndian32(bytes, at: at)) << 32 | UInt64(bigEndian32(bytes, at: at + 4))
    }

    private static func bigEndian32(_ bytes: UnsafeRawBufferPointer, at index: Int) -> UInt32 {
        UInt32(bigEndian: bytes.loadUnaligned(fromByteOffset: index, as: UInt32.self))
    }
}
