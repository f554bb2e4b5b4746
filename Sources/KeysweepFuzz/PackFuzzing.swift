@testable import KeysweepKit

/// Fuzz targets of the pack readers (`Inputs/Pack/`).
enum PackFuzzing {
    /// `PackIndex(path:)` on the input, then every lookup it offers.
    static func index(_ bytes: UnsafeRawBufferPointer) {
        guard let path = ScratchFile.write(bytes, name: "index.idx"),
              let index = try? PackIndex(path: path) else { return }
        for position in 0..<min(index.count, 4096) {
            let id = index.rawID(at: position)
            _ = index.id(at: position)
            _ = index.position(of: id)
            _ = index.position(atOffset: index.offset(at: position))
        }
        // An id that need not be in the index: the first 20 bytes of the input, and one too short.
        _ = index.contains(bytes.prefix(PackIndex.idLength))
        _ = index.position(of: bytes.prefix(PackIndex.idLength - 1))
    }

    /// `PackEntryHeader` on the input after its first 8 bytes, at the pack offset they give (little-endian).
    static func entryHeader(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count >= 8 else { return }
        let offset = bytes.prefix(8).reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        let header = UnsafeRawBufferPointer(rebasing: bytes[8...])
        guard let entry = PackEntryHeader(header, offset: offset) else { return }
        precondition(entry.length <= header.count && entry.length <= PackEntryHeader.maximumLength, "header longer than its bytes")
        precondition(entry.size >= 0, "negative size")
    }

    /// `GitDelta` on a base and a delta: the first 2 bytes (little-endian) give the base's length,
    /// the base follows, the rest is the delta.
    static func delta(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count >= 2 else { return }
        let baseLength = min(Int(bytes[0]) | Int(bytes[1]) << 8, bytes.count - 2)
        let base = UnsafeRawBufferPointer(rebasing: bytes[2..<(2 + baseLength)])
        let delta = UnsafeRawBufferPointer(rebasing: bytes[(2 + baseLength)...])
        let size = GitDelta.targetSize(delta)
        if let target = GitDelta.apply(delta, to: base) {
            precondition(target.count == size, "applied delta differs from its declared size")
        }
    }

    /// `GitTree` on the input as a tree object: every entry read with a cursor, and git's order
    /// of each entry against the one before it, as `TreeDiffer` walks trees.
    static func tree(_ bytes: UnsafeRawBufferPointer) {
        var cursor = GitTree.Cursor(bytes, id: nil)
        var previous: GitTree.Entry?
        while !cursor.atEnd {
            guard let raw = try? cursor.raw(), let entry = try? cursor.entry() else { return }
            precondition(raw.count > ObjectID.byteCount && entry.name.count < raw.count, "entry longer than its bytes")
            if let previous { _ = GitTree.order(previous, entry) }
            _ = GitTree.order(entry, entry)
            previous = entry
            cursor.advance(past: raw)
        }
    }

    /// `ParsedCommit` on the input, and a `CommitWalk` in which every id names the input as a
    /// commit (so a commit that names parents is walked into its parents, each seen once).
    static func commit(_ bytes: UnsafeRawBufferPointer) {
        let object = Array(bytes)
        guard let parsed = ParsedCommit(object) else { return }
        precondition(parsed.author.filter { $0 == 0 }.count >= 2, "an author without its three fields")
        var seen: Set<ObjectID> = []
        var taken = 0
        let walked = CommitWalk.walk(from: [parsed.tree], read: { _ in (.commit, object) },
                                     firstSight: { seen.insert($0).inserted }, take: { _, _ in taken += 1 })
        precondition(!walked || taken == seen.count, "a commit taken twice or not at all")
    }

    /// A pack and its index (`PackStoreInput`) read as a history scan reads them: `PackFile`
    /// checks the pair, `PackChecksums` hashes the pack (its idle thread and this one taking
    /// turns), one `PackBlobReader` rebuilds every blob, in pack order.
    ///
    /// `PackedObjectStore` itself is not run: it needs a `GitRepository`, which asks git about the
    /// folder, and it lists loose objects with git; its pack reading is this one.
    static func store(_ bytes: UnsafeRawBufferPointer) {
        guard let input = PackStoreInput(bytes),
              ScratchFile.write(input.pack, name: "pack-fuzz.pack") != nil,
              let indexPath = ScratchFile.write(input.index, name: "pack-fuzz.idx"),
              let pack = try? PackFile(indexPath: indexPath, number: 0) else { return }
        let failures = PackChecksums(paths: [pack.path]).failures()
        precondition(failures.count <= 1, "one pack checked more than once")
        // With the builtin rules' prefilter, so that keyword hits are carried through the
        // deltas of a hostile pack too (`DeltaHits`, the walks of inserted ranges in lanes).
        let reader = PackBlobReader(maxFileSize: 1 << 20, prefilter: prefilter)
        var batcher = BlobBatcher()
        var statistics = ScanStatistics()
        var blobs = 0
        do {
            try reader.read(PackChunk(pack: pack, positions: 0..<pack.index.count), skipped: { _ in false },
                            batcher: &batcher, push: { blobs += $0.count }, statistics: &statistics)
        } catch {
            return  // a damaged pack is reported, which is what should happen
        }
        if let rest = batcher.flush() { blobs += rest.count }
    }
}

extension PackFuzzing {
    /// Built once: the builtin rules' keywords, as a history scan's pack readers have them.
    static let prefilter: KeywordPrefilter = {
        do {
            return try RuleSet(RuleLoader.builtinRules(withExamples: false), lazily: true).prefilter
        } catch {
            preconditionFailure("builtin rules do not compile: \(error)")
        }
    }()
}

/// The input of the `pack-store` target: a 4-byte little-endian length, that many bytes of
/// index, then the pack. `scripts/fuzz-seeds` writes real pairs in this form.
struct PackStoreInput {
    let index: UnsafeRawBufferPointer
    let pack: UnsafeRawBufferPointer

    init?(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count >= 4 else { return nil }
        let length = bytes.prefix(4).reversed().reduce(0) { $0 << 8 | Int($1) }
        guard length <= bytes.count - 4 else { return nil }
        index = UnsafeRawBufferPointer(rebasing: bytes[4..<(4 + length)])
        pack = UnsafeRawBufferPointer(rebasing: bytes[(4 + length)...])
    }
}
