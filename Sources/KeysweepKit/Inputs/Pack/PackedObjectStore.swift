import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A repository's object store read without git: its packs by one `PackBlobReader` per thread,
/// which inflate with libdeflate and hand blobs over without a pipe; its loose objects (few, until
/// git packs them) by `LooseObjectReader`.
///
/// On the bench history this costs less than half the CPU of `cat-file --batch` fed a listing of
/// every blob. Only a plain store qualifies: SHA-1 ids, no alternates; for anything else `init`
/// returns nil and git reads the objects.
///
/// What is read is checked, since repositories come from strangers: each index's checksum, each
/// pack's checksum (SHA-1 of the whole pack, on a thread of idle priority: `PackChecksums`), the
/// CRC-32 of every stored object inflated, and the id of every loose object. An index that cannot be read
/// stops the scan; an object that cannot be read is left out and named, and the scan is reported
/// incomplete.
struct PackedObjectStore {
    let repository: GitRepository
    let packs: [PackFile]
    /// Loose objects that no pack also holds, by id.
    let looseIDs: Set<String>
    /// The packs' checksums, being worked out; nil when the store is not read in pack order.
    let checksums: PackChecksums?

    /// Compressed bytes of pack per stretch that a reader takes at a time.
    static let chunkBytes: UInt64 = 4 << 20

    /// Without `inPackOrder`, objects can only be read by id (`StoreObjectReader`), not streamed
    /// in pack order (`produce`), and opening a large store is quicker.
    init?(repository: GitRepository, inPackOrder: Bool = true) throws(KeysweepError) {
        let objects = repository.objectDirectory
        let environment = ProcessInfo.processInfo.environment
        guard repository.objectFormat == "sha1", environment["GIT_ALTERNATE_OBJECT_DIRECTORIES"] == nil,
              !Self.hasAlternates(objects) else { return nil }
        let names = try Self.packNames(in: objects + "/pack")
        // Begun before the indexes are sorted into pack order, on the core that leaves idle.
        checksums = inPackOrder ? PackChecksums(paths: names.map { objects + "/pack/" + $0 + ".pack" }) : nil
        var packs: [PackFile] = []
        for name in names {
            guard let pack = try PackFile(indexPath: objects + "/pack/" + name + ".idx", number: packs.count, inPackOrder: inPackOrder) else { return nil }
            packs.append(pack)
        }
        self.repository = repository
        self.packs = packs
        looseIDs = Set(Self.looseObjectIDs(in: objects)).filter { hex in
            guard let id = ObjectID(hex: hex) else { return false }
            return !packs.contains { $0.index.contains(id.bytes) }
        }
    }

    /// The packs of `folder` by name without extension (`pack-<id>`), sorted. A pack without its
    /// index is an error: git cannot read it either, so its objects would silently go unscanned.
    /// (An index without its pack is left over from a repack, and git ignores it too.)
    private static func packNames(in folder: String) throws(KeysweepError) -> [String] {
        var status = stat()
        guard stat(folder, &status) == 0 else {
            if errno == ENOENT { return [] }
            throw KeysweepError("cannot read the pack folder '\(folder)': \(String(cString: strerror(errno)))")
        }
        guard status.st_mode & S_IFMT == S_IFDIR else { throw KeysweepError("cannot read the pack folder '\(folder)': not a folder") }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            throw KeysweepError("cannot read the pack folder '\(folder)': \(error.localizedDescription)")
        }
        let indexes = Set(names.filter { $0.hasPrefix("pack-") && $0.hasSuffix(".idx") }.map { String($0.dropLast(4)) })
        let packs = Set(names.filter { $0.hasPrefix("pack-") && $0.hasSuffix(".pack") }.map { String($0.dropLast(5)) })
        if let orphan = packs.subtracting(indexes).sorted().first {
            throw KeysweepError("cannot read pack '\(folder)/\(orphan).pack': it has no index (\(orphan).idx); `git index-pack` writes one")
        }
        return packs.sorted()
    }

    /// Pushes batches of blobs from `threads` threads; returns what was skipped.
    /// With `prefilter`, each blob goes with its keyword hits (see `PackBlobReader`).
    func produce(threads: Int, maxFileSize: Int, prefilter: KeywordPrefilter? = nil, progress: ScanProgress? = nil,
                 push: @escaping @Sendable ([GitBlob]) -> Void) throws(KeysweepError) -> ScanStatistics {
        let chunks = packs.flatMap(Self.chunks)
        // The stretches read are the share of the work done: the queue to the matchers is short.
        progress?.plan(chunks.count)
        let next = Atomic<Int>(0)
        let outcome = Mutex<(statistics: ScanStatistics, error: KeysweepError?)>((ScanStatistics(), nil))
        let packs = self.packs
        let readers = WorkerThreads(max(1, threads)) {
            let reader = PackBlobReader(maxFileSize: maxFileSize, prefilter: prefilter)
            var statistics = ScanStatistics()
            var batcher = BlobBatcher()
            do throws(KeysweepError) {
                while outcome.withLock({ $0.error == nil }) {
                    let taken = next.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard taken < chunks.count else { break }
                    let chunk = chunks[taken]
                    try reader.read(chunk, skipped: { position in
                        let id = chunk.pack.index.rawID(at: position)
                        return packs[..<chunk.pack.number].contains { $0.index.contains(id) }
                    }, batcher: &batcher, push: push, statistics: &statistics)
                    progress?.complete(1)
                }
                if let rest = batcher.flush() { push(rest) }
                statistics.packBytesRebuilt += reader.rebuiltBytes
                statistics.packBytesWalked += reader.walkedBytes
            } catch {
                outcome.withLock { if $0.error == nil { $0.error = error } }
            }
            outcome.withLock { $0.statistics.merge(statistics) }
        }
        var statistics = readLooseObjects(maxFileSize: maxFileSize, push: push)
        readers.wait()
        return try outcome.withLock { outcome throws(KeysweepError) in
            if let error = outcome.error { throw error }
            statistics.merge(outcome.statistics)
            return statistics
        }
    }

    /// Reads the loose objects on this thread, while the pack readers work, and pushes the blobs.
    private func readLooseObjects(maxFileSize: Int, push: ([GitBlob]) -> Void) -> ScanStatistics {
        var statistics = ScanStatistics()
        var batcher = BlobBatcher()
        let reader = LooseObjectReader(objectDirectory: repository.objectDirectory, maxFileSize: maxFileSize)
        for id in looseIDs.sorted() {
            let outcome: LooseObjectReader.Outcome
            do throws(KeysweepError) { outcome = try reader.read(id) } catch {
                statistics.unreadableObject(id, error.message)
                continue
            }
            switch outcome {
            case .blob(let bytes):
                // Every id of `looseIDs` parses: they were kept for that.
                if let blobID = BlobID(hex: id), let full = batcher.add(GitBlob(id: blobID, path: id, bytes: bytes)) { push(full) }
            case .tooLarge:
                statistics.skip(.tooLarge, path: id, message: "larger than \(maxFileSize) bytes")
            case .other, .object:
                break
            }
        }
        if let rest = batcher.flush() { push(rest) }
        return statistics
    }

    /// A pack cut into stretches of about `chunkBytes`, in pack order.
    private static func chunks(of pack: PackFile) -> [PackChunk] {
        var chunks: [PackChunk] = []
        var start = 0
        while start < pack.index.count {
            let limit = pack.index.offset(at: start) + chunkBytes
            var end = start + 1
            while end < pack.index.count, pack.index.offset(at: end) < limit { end += 1 }
            chunks.append(PackChunk(pack: pack, positions: start..<end))
            start = end
        }
        return chunks
    }

    /// Whether `objects/info/alternates` names other stores, whose objects git would also read.
    private static func hasAlternates(_ objects: String) -> Bool {
        guard let alternates = FileManager.default.contents(atPath: objects + "/info/alternates") else { return false }
        return String(decoding: alternates, as: UTF8.self).split(separator: "\n").contains { line in
            !line.trimmingCharacters(in: .whitespaces).isEmpty && !line.hasPrefix("#")
        }
    }

    /// The ids of the loose objects, from their file names (`objects/ab/cdef...`).
    private static func looseObjectIDs(in objects: String) -> [String] {
        let hex = Set("0123456789abcdef")
        var ids: [String] = []
        // git makes the 256 folders as it writes loose objects: a packed clone has few or none,
        // and asking for each missing one cost a millisecond of every range's start.
        let folders = ((try? FileManager.default.contentsOfDirectory(atPath: objects)) ?? [])
            .filter { $0.count == 2 && $0.allSatisfy(hex.contains) }.sorted()
        for folder in folders {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: objects + "/" + folder) else { continue }
            for name in names.sorted() where name.count == 2 * PackIndex.idLength - 2 && name.allSatisfy(hex.contains) {
                ids.append(folder + name)
            }
        }
        return ids
    }

    /// The first pack that holds the object `id`, and its offset there; nil if no pack does.
    func location(of id: ObjectID) -> (pack: PackFile, offset: UInt64)? {
        id.withUnsafeBytes { raw in
            for pack in packs {
                if let offset = pack.index.location(of: raw) { return (pack, offset) }
            }
            return nil
        }
    }

    /// Gives back the pages of the packs' indexes read so far (see `PackIndex.releasePages`).
    func releaseIndexPages() {
        for pack in packs { pack.index.releasePages() }
    }

    /// Whether the store holds the object `id`, in a pack or loose.
    func holds(_ id: ObjectID) -> Bool {
        id.withUnsafeBytes { raw in packs.contains { $0.index.contains(raw) } }
            || (!looseIDs.isEmpty && looseIDs.contains(id.hex))
    }
}
