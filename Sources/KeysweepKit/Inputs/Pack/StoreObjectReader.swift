import Inflate

/// Reads objects of any type by id from a `PackedObjectStore`, for one thread: trees and commits
/// for provenance, where `PackBlobReader` streams blobs in pack order.
///
/// Objects are found by their pack offset, which the index gives for an id and a delta gives for
/// its base, so the store need not be in pack order (opening a large one for a range of commits
/// is then quick). What is read is bounded by `limit` and checked as it is inflated (a stream
/// that does not give the size its header says is damage), but not against the index's CRC-32,
/// which is found by position.
///
/// What it rebuilt last is kept (`DeltaBaseCache`, by pack and offset): diffing each commit with
/// its parent reads the parent's trees next, and a tree's delta base is usually a tree read just
/// before (git deltifies older versions against newer ones, and history is read newest first).
final class StoreObjectReader {
    /// What reading an object gave.
    enum Read {
        case object(type: PackEntryHeader.ObjectType, bytes: [UInt8])
        /// Larger than the limit (or rebuilt from a base more than four times larger): not read.
        case tooLarge
    }

    private let store: PackedObjectStore
    /// The largest object rebuilt: a damaged pack must not make us inflate gigabytes.
    private let limit: Int
    /// The largest base of a chain (a small file is sometimes a delta of a larger one).
    private let baseLimit: Int
    private let decompressor = ZlibDecompressor()
    /// Small: objects are read here and there, and each refill copies the whole window.
    private let window = PackWindow(capacity: 2 << 10)
    private var cache: DeltaBaseCache
    private let loose: LooseObjectReader
    /// Where objects read lately are (pack number and offset): a tree is read once as a
    /// commit's and once as its parent's, and a search of the index costs more than its reading
    /// from the cache.
    private var places: [ObjectID: Int] = [:]
    static let placesKept = 1 << 16

    /// Whether `places` is kept: not for objects read once each (a walk's commits).
    private let remembersPlaces: Bool

    /// `cacheBudget`: bytes of rebuilt objects kept. Trees are small; blobs read in pack order
    /// (a range's) meet their delta family together, and a larger cache keeps its bases.
    init(store: PackedObjectStore, limit: Int, cacheBudget: Int = 4 << 20, remembersPlaces: Bool = true) {
        self.store = store
        self.remembersPlaces = remembersPlaces
        self.limit = limit
        cache = DeltaBaseCache(budget: cacheBudget)
        baseLimit = limit.multipliedReportingOverflow(by: 4).overflow ? .max : 4 * limit
        loose = LooseObjectReader(objectDirectory: store.repository.objectDirectory, maxFileSize: limit)
    }

    /// Object `id`, or nil if the store does not hold it. Throws if it is damaged.
    func object(_ id: ObjectID) throws(KeysweepError) -> Read? {
        if let place = places[id] { return try object(at: UInt64(place & 0xFF_FFFF_FFFF), in: store.packs[place >> 40]) }
        if let (pack, offset) = store.location(of: id) {
            if remembersPlaces {
                if places.count >= Self.placesKept { places.removeAll(keepingCapacity: true) }
                places[id] = key(pack, offset)
            }
            return try object(at: offset, in: pack)
        }
        let hex = id.hex
        guard store.looseIDs.contains(hex) else { return nil }
        switch try loose.read(hex, anyType: true) {
        case .object(let type, let bytes): return .object(type: type, bytes: bytes)
        case .tooLarge: return .tooLarge
        case .blob, .other: preconditionFailure("a read of any type gives the object")
        }
    }

    /// The object at `offset`, rebuilt through its delta chain from a base at hand or whole.
    private func object(at offset: UInt64, in pack: PackFile) throws(KeysweepError) -> Read {
        var chain: [(offset: UInt64, header: PackEntryHeader)] = []
        var current = offset
        var content: [UInt8]
        var type: PackEntryHeader.ObjectType
        while true {
            if let cached = cache[key(pack, current)], let known = PackEntryHeader.ObjectType(rawValue: cached.tag) {
                content = cached.bytes
                type = known
                break
            }
            let header = try header(at: current, in: pack)
            if case .whole(let whole) = header.kind {
                guard header.size <= (chain.isEmpty ? limit : baseLimit) else { return .tooLarge }
                content = try inflate(at: current, header, in: pack)
                type = whole
                break
            }
            // git's deltas are smaller than what they rebuild (an insert costs a byte in 127).
            guard header.size <= 2 * (chain.isEmpty ? limit : baseLimit) + 64 else { return .tooLarge }
            chain.append((current, header))
            guard chain.count <= PackBlobReader.longestChain else { throw damage(pack, offset, "its delta chain loops") }
            switch header.kind {
            case .whole: break
            case .offsetDelta(let base): current = base
            case .referenceDelta(let id):
                guard let base = pack.index.location(of: id) else { throw damage(pack, current, "its delta base is not in the pack") }
                current = base
            }
        }
        cache.insert(DeltaBaseCache.Entry(bytes: content, hits: nil, tag: type.rawValue), at: key(pack, current))
        for (index, link) in chain.enumerated().reversed() {
            let delta = try inflate(at: link.offset, link.header, in: pack)
            if let size = delta.withUnsafeBytes(GitDelta.targetSize), size > (index == 0 ? limit : baseLimit) { return .tooLarge }
            var copies: [DeltaCopy]?
            let rebuilt = delta.withUnsafeBytes { delta in
                content.withUnsafeBytes { base in GitDelta.apply(delta, to: base, copies: &copies) }
            }
            guard let rebuilt else { throw damage(pack, link.offset, "its delta does not apply to its base") }
            content = rebuilt
            cache.insert(DeltaBaseCache.Entry(bytes: content, hits: nil, tag: type.rawValue), at: key(pack, link.offset))
        }
        return .object(type: type, bytes: content)
    }

    private func header(at offset: UInt64, in pack: PackFile) throws(KeysweepError) -> PackEntryHeader {
        guard offset >= 12, offset < pack.objectsEnd else { throw damage(pack, offset, "it is outside the pack") }
        guard let header = pack.header(atOffset: offset, end: pack.objectsEnd, window: window) else {
            throw damage(pack, offset, "its header cannot be read")
        }
        return header
    }

    /// Inflates the stream after `header` into exactly its size. The stream ends where it ends:
    /// it is given as many bytes as zlib could ever need for that size (`deflateBound`), or the
    /// rest of the pack.
    private func inflate(at offset: UInt64, _ header: PackEntryHeader, in pack: PackFile) throws(KeysweepError) -> [UInt8] {
        let size = header.size
        let bound = size + (size + 7) >> 3 + (size + 63) >> 6 + 11 + 64
        let start = offset + UInt64(header.length)
        guard start < pack.objectsEnd else { throw damage(pack, offset, "it is cut short") }
        let count = Int(min(UInt64(bound), pack.objectsEnd - start))
        guard let input = window.bytes(of: pack, at: start, count: count) else { throw damage(pack, offset, "it is cut short") }
        var inflated: Int?
        let content = [UInt8](unsafeUninitializedCapacity: size) { output, initialized in
            inflated = decompressor.inflate(input, into: UnsafeMutableRawBufferPointer(output))
            initialized = inflated == nil ? 0 : size
        }
        guard inflated != nil else { throw damage(pack, offset, "it does not inflate to its \(size) bytes") }
        return content
    }

    private func damage(_ pack: PackFile, _ offset: UInt64, _ reason: String) -> KeysweepError {
        KeysweepError("damaged pack '\(pack.path)': the object at offset \(offset): \(reason)")
    }

    /// Offsets fit in 40 bits (a pack of a terabyte), pack numbers in the rest.
    private func key(_ pack: PackFile, _ offset: UInt64) -> Int { pack.number << 40 | Int(offset) }
}
