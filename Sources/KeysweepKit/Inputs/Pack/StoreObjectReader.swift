import Inflate

/// Reads objects of any type by id from a `PackedObjectStore`, for one thread: trees and commits
/// for provenance, where `PackBlobReader` streams blobs in pack order.
///
/// What it rebuilt last is kept (`DeltaBaseCache`, by pack position): diffing each commit with its
/// parent reads the parent's trees next, and a tree's delta base is usually a tree read just
/// before (git deltifies older versions against newer ones, and history is read newest first).
final class StoreObjectReader {
    private let store: PackedObjectStore
    /// The largest object rebuilt: a damaged pack must not make us inflate gigabytes.
    private let limit: Int
    private let decompressor = ZlibDecompressor()
    /// Small: objects are read here and there, and each refill copies the whole window.
    private let window = PackWindow(capacity: 2 << 10)
    private var cache = DeltaBaseCache(budget: 4 << 20)
    private let loose: LooseObjectReader
    /// Where objects read lately are (pack number and position): a tree is read once as a
    /// commit's and once as its parent's, and a search of the index costs more than its reading
    /// from the cache.
    private var places: [ObjectID: Int] = [:]
    static let placesKept = 1 << 16

    init(store: PackedObjectStore, limit: Int) {
        self.store = store
        self.limit = limit
        loose = LooseObjectReader(objectDirectory: store.repository.objectDirectory, maxFileSize: limit)
    }

    /// The type and content of object `id`; nil if the store does not hold it. Throws if it is
    /// damaged or larger than `limit`.
    func object(_ id: ObjectID) throws(KeysweepError) -> (type: PackEntryHeader.ObjectType, bytes: [UInt8])? {
        if let place = places[id] { return try object(at: place & 0xFFFF_FFFF, in: store.packs[place >> 32]) }
        let raw = id.bytes
        for pack in store.packs {
            if let position = pack.index.position(of: raw) {
                if places.count >= Self.placesKept { places.removeAll(keepingCapacity: true) }
                places[id] = key(pack, position)
                return try object(at: position, in: pack)
            }
        }
        let hex = id.hex
        guard store.looseIDs.contains(hex) else { return nil }
        switch try loose.read(hex, anyType: true) {
        case .object(let type, let bytes): return (type, bytes)
        case .tooLarge: throw KeysweepError("loose object \(hex) is larger than \(limit) bytes")
        case .blob, .other: preconditionFailure("a read of any type gives the object")
        }
    }

    /// The object at `position`, rebuilt through its delta chain from a base at hand or whole.
    private func object(at position: Int, in pack: PackFile) throws(KeysweepError) -> (type: PackEntryHeader.ObjectType, bytes: [UInt8]) {
        var chain: [(position: Int, header: PackEntryHeader)] = []
        var current = position
        var content: [UInt8]
        var type: PackEntryHeader.ObjectType
        while true {
            if let cached = cache[key(pack, current)], let known = PackEntryHeader.ObjectType(rawValue: cached.tag) {
                content = cached.bytes
                type = known
                break
            }
            let header = try pack.header(at: current, window: window)
            if case .whole(let whole) = header.kind {
                guard header.size <= limit else { throw pack.damage(at: current, "it is larger than \(limit) bytes") }
                content = try pack.inflate(at: current, header, window: window, size: header.size, with: decompressor)
                type = whole
                break
            }
            guard header.size <= 2 * limit + 64 else { throw pack.damage(at: current, "its delta is larger than \(limit) bytes") }
            chain.append((current, header))
            guard chain.count <= PackBlobReader.longestChain else { throw pack.damage(at: position, "its delta chain loops") }
            current = try pack.basePosition(of: header, at: current)
        }
        cache.insert(DeltaBaseCache.Entry(bytes: content, hits: nil, tag: type.rawValue), at: key(pack, current))
        for link in chain.reversed() {
            let delta = try pack.inflate(at: link.position, link.header, window: window, size: link.header.size, with: decompressor)
            if let size = delta.withUnsafeBytes(GitDelta.targetSize), size > limit {
                throw pack.damage(at: link.position, "it is larger than \(limit) bytes")
            }
            var copies: [DeltaCopy]?
            let rebuilt = delta.withUnsafeBytes { delta in
                content.withUnsafeBytes { base in GitDelta.apply(delta, to: base, copies: &copies) }
            }
            guard let rebuilt else { throw pack.damage(at: link.position, "its delta does not apply to its base") }
            content = rebuilt
            cache.insert(DeltaBaseCache.Entry(bytes: content, hits: nil, tag: type.rawValue), at: key(pack, link.position))
        }
        return (type, content)
    }

    /// Positions fit in 32 bits: an index counts its objects in 32.
    private func key(_ pack: PackFile, _ position: Int) -> Int { pack.number << 32 | position }
}
