import Inflate

/// Reads the blobs of packs for one thread: inflates them with its own decompressor, rebuilds
/// deltas from the bases it keeps, and skips every other object after reading its header.
///
/// Objects are read in pack order, stretch by stretch (`PackChunk`); a delta whose base is not at
/// hand (in another thread's stretch, or evicted) is rebuilt from its chain.
final class PackBlobReader {
    private let maxFileSize: Int
    /// When given, each blob's keyword hits are found here and handed on with it, carried
    /// through deltas from their bases (`DeltaHits`), so that the matcher need not walk it.
    private let prefilter: KeywordPrefilter?
    /// Bytes of blobs rebuilt, and of those the prefilter walked.
    private(set) var rebuiltBytes = 0
    private(set) var walkedBytes = 0
    /// Scratch for `wholeHits`: the selection is not kept, the matcher makes its own from the hits.
    private var selection = RuleSelection(ruleCount: 0)
    private let decompressor = ZlibDecompressor()
    /// The window that walks a stretch in order, and one for the bases of chains, elsewhere. The
    /// second reads little ahead: a base is one entry of a few hundred bytes here and there, and
    /// each refill copies the whole window (32 KiB refills read 15 times Symfony's pack).
    private let sequential = PackWindow(capacity: 4 << 20)
    private let scattered = PackWindow(capacity: 1 << 10)
    /// 24 MiB a reader: at 32, Symfony's peak RSS reached 251 MiB in one bench run of three
    /// (230-252); at 24 it stays at 228-230 MiB, and Ansible's time is unchanged.
    private var bases = DeltaBaseCache(budget: 24 << 20)
    /// The type of each object of each pack (by its number) once known, 0 before.
    private var types: [[UInt8]] = []

    /// Longer than any chain git writes (`--depth` stops at 4095): a damaged pack's base references
    /// can form a loop.
    static let longestChain = 10_000

    init(maxFileSize: Int, prefilter: KeywordPrefilter? = nil) {
        self.maxFileSize = maxFileSize
        self.prefilter = prefilter
        selection = RuleSelection(ruleCount: prefilter?.ruleCount ?? 0)
    }

    /// Reads the blobs of `chunk`, skipping the positions `skipped` says another pack also holds;
    /// an object that cannot be read is counted in `statistics.unreadableObjects`.
    func read(_ chunk: PackChunk, skipped: (Int) -> Bool, batcher: inout BlobBatcher,
              push: ([GitBlob]) -> Void, statistics: inout ScanStatistics) throws(KeysweepError) {
        let pack = chunk.pack
        for position in chunk.positions {
            // A damaged object is left out and named; the scan goes on with the rest.
            do throws(KeysweepError) {
                guard try type(of: position, in: pack, window: sequential) == .blob, !skipped(position) else { continue }
                // Like a blob listed from the object store by git, it has no path until provenance.
                let id = pack.index.id(at: position)
                guard let object = try object(at: position, in: pack, window: sequential) else {
                    statistics.skip(.tooLarge, path: id, message: "larger than \(maxFileSize) bytes")
                    continue
                }
                rebuiltBytes += object.bytes.count
                if let full = batcher.add(GitBlob(id: BlobID(pack.index.rawID(at: position)), path: id, bytes: object.bytes,
                                                   hits: object.hits)) { push(full) }
            } catch {
                statistics.unreadableObject(pack.index.id(at: position), error.message)
            }
        }
    }

    /// The type of the object at `position`: from its header, or for a delta, its base's.
    private func type(of position: Int, in pack: PackFile, window: PackWindow) throws(KeysweepError) -> PackEntryHeader.ObjectType {
        let key = pack.number
        while types.count <= key { types.append([]) }
        if types[key].isEmpty { types[key] = [UInt8](repeating: 0, count: pack.index.count) }
        var chain: [Int] = []
        var current = position
        var found: PackEntryHeader.ObjectType
        while true {
            if let known = PackEntryHeader.ObjectType(rawValue: types[key][current]) {
                found = known
                break
            }
            let header = try pack.header(at: current, window: chain.isEmpty ? window : scattered)
            if case .whole(let type) = header.kind {
                found = type
                break
            }
            chain.append(current)
            guard chain.count <= Self.longestChain else { throw pack.damage(at: position, "its delta chain loops") }
            current = try pack.basePosition(of: header, at: current)
        }
        types[key][current] = found.rawValue
        for link in chain { types[key][link] = found.rawValue }
        return found
    }

    /// The content of the object at `position` (a blob, or a base of one), rebuilt through its
    /// delta chain; nil if it, a base of it, or a delta of its chain is larger than the largest
    /// blob scanned. Sizes are checked before anything is inflated: a pack cannot make us allocate
    /// more than the limit.
    private func object(at position: Int, in pack: PackFile, window: PackWindow) throws(KeysweepError) -> DeltaBaseCache.Entry? {
        // Walk back to a base at hand or a whole object, then apply the deltas forwards.
        var chain: [(position: Int, header: PackEntryHeader)] = []
        var current = position
        var content: [UInt8]
        var hits: [KeywordHit]?
        /// The requested object's own delta, read first for the size of what it rebuilds.
        var ownDelta: [UInt8]?
        while true {
            if let cached = bases[cacheKey(pack, current)] {
                content = cached.bytes
                hits = cached.hits
                break
            }
            let header = try pack.header(at: current, window: chain.isEmpty ? window : scattered)
            if case .whole = header.kind {
                guard header.size <= (chain.isEmpty ? maxFileSize : maxBaseSize) else { return nil }
                content = try pack.inflate(at: current, header, window: chain.isEmpty ? window : scattered, size: header.size, with: decompressor)
                if !chain.isEmpty {
                    hits = wholeHits(of: content)
                    bases.insert(DeltaBaseCache.Entry(bytes: content, hits: hits), at: cacheKey(pack, current))
                }
                break
            }
            guard header.size <= Self.deltaLimit(of: chain.isEmpty ? maxFileSize : maxBaseSize) else { return nil }
            if chain.isEmpty {
                let delta = try pack.inflate(at: current, header, window: window, size: header.size, with: decompressor)
                // Likewise a blob too large to scan is not rebuilt.
                if let size = delta.withUnsafeBytes(GitDelta.targetSize), size > maxFileSize { return nil }
                ownDelta = delta
            }
            chain.append((current, header))
            guard chain.count <= Self.longestChain else { throw pack.damage(at: position, "its delta chain loops") }
            current = try pack.basePosition(of: header, at: current)
        }
        for (index, link) in chain.enumerated().reversed() {
            let delta: [UInt8]
            if index == 0, let ownDelta {
                delta = ownDelta
            } else {
                delta = try pack.inflate(at: link.position, link.header, window: scattered, size: link.header.size, with: decompressor)
                if let size = delta.withUnsafeBytes(GitDelta.targetSize), size > maxBaseSize { return nil }
            }
            // The copied runs carry the base's keyword hits over, when there are any to carry.
            var copies: [DeltaCopy]? = prefilter != nil && hits != nil ? [] : nil
            let rebuilt = delta.withUnsafeBytes { delta in
                content.withUnsafeBytes { base in GitDelta.apply(delta, to: base, copies: &copies) }
            }
            guard let rebuilt else { throw pack.damage(at: link.position, "its delta does not apply to its base") }
            hits = carriedHits(hits, through: copies, to: rebuilt)
            content = rebuilt
            if index > 0 { bases.insert(DeltaBaseCache.Entry(bytes: content, hits: hits), at: cacheKey(pack, link.position)) }
        }
        if content.count > maxFileSize { return nil }
        if hits == nil { hits = wholeHits(of: content) }
        let entry = DeltaBaseCache.Entry(bytes: content, hits: hits)
        bases.insert(entry, at: cacheKey(pack, position))
        return entry
    }

    /// The keyword hits of `bytes` found by walking them all, sorted by end; nil without a
    /// prefilter, or for binary data, which the matcher skips.
    private func wholeHits(of bytes: [UInt8]) -> [KeywordHit]? {
        guard let prefilter else { return nil }
        return bytes.withUnsafeBytes { buffer in
            guard !FileReader.looksBinary(buffer) else { return nil }
            walkedBytes += buffer.count
            var hits: [KeywordHit] = []
            selection.removeAll()
            _ = prefilter.select(in: buffer, into: &selection, hits: &hits)
            // The interleaved walk notes hits out of order.
            hits.sort { $0.end < $1.end }
            return hits
        }
    }

    /// The hits of `target`, rebuilt by `copies` (and inserts) from a base whose hits are
    /// `baseHits`; nil when those are not known (the matcher then walks the blob itself).
    private func carriedHits(_ baseHits: [KeywordHit]?, through copies: [DeltaCopy]?, to target: [UInt8]) -> [KeywordHit]? {
        guard let prefilter, let baseHits, let copies else { return nil }
        return target.withUnsafeBytes { buffer in
            guard !FileReader.looksBinary(buffer) else { return nil }
            let (hits, walked) = DeltaHits.derive(from: baseHits, copies: copies, target: buffer, prefilter: prefilter)
            walkedBytes += walked
            return hits
        }
    }

    /// The largest base (or step of a delta chain) rebuilt for a blob within the limit: a small
    /// file is sometimes stored as a delta of a larger one, and a damaged pack must not make us
    /// inflate gigabytes for it either. A blob whose base is larger is skipped as too large.
    private var maxBaseSize: Int { maxFileSize.multipliedReportingOverflow(by: 4).overflow ? .max : 4 * maxFileSize }

    /// The largest delta worth inflating to rebuild an object of at most `size` bytes: git's
    /// deltas are smaller (inserted runs cost one byte in 127, copies at most 8 bytes each).
    private static func deltaLimit(of size: Int) -> Int {
        size.multipliedReportingOverflow(by: 2).overflow ? .max : 2 * size + 64
    }

    /// Positions fit in 32 bits: an index counts its objects in 32.
    private func cacheKey(_ pack: PackFile, _ position: Int) -> Int { pack.number << 32 | position }
}

/// A stretch of one pack's objects, in pack order: the unit pack readers take turns on.
struct PackChunk: Sendable {
    let pack: PackFile
    let positions: Range<Int>
}
