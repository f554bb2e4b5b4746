import Dispatch
import Synchronization

/// The blobs that the commits of a range (`--range`, `--since`) introduced, found by comparing
/// each commit with its parents in-process and read from the object store: what CI scans on a
/// pull request, without `git rev-list --objects` walking the whole tree of every commit and
/// `git cat-file` piping the blobs.
///
/// A blob is scanned when a commit of the range introduced it at a path and the commits the range
/// starts from (the parents of its commits outside it) do not hold it anywhere: as with
/// `git rev-list --objects A..B`, a file moved or copied is not new, but a secret a revert brings
/// back is. Its provenance is known from the same comparison: `provenance(of:)` needs no second
/// pass.
final class RangeBlobSource: BlobSource, ProvenanceSource {
    private let repository: GitRepository
    private let revisions: GitRevisions
    private let store: PackedObjectStore
    private let threads: Int
    private let maxFileSize: Int
    /// The commits, what they introduced, and the folders of the trees the range starts from,
    /// once `produce` has run.
    private let found = Mutex<(listing: CommitListing, introductions: Introductions, startFolders: Set<ObjectID>)?>(nil)
    /// HEAD's tree, looked up from a range's first match on (see `blobsAtHead`).
    private let headTree: BackgroundValue<ObjectID?>

    init(repository: GitRepository, revisions: GitRevisions, store: PackedObjectStore, threads: Int, maxFileSize: Int) {
        self.repository = repository
        self.revisions = revisions
        self.store = store
        self.threads = max(1, threads)
        self.maxFileSize = maxFileSize
        headTree = BackgroundValue {
            guard let output = try? GitProcess.output(repository: repository.path, ["rev-parse", "--verify", "-q", "HEAD^{tree}"])
            else { return nil }
            return ObjectID(hex: output.prefix { $0 != UInt8(ascii: "\n") })
        }
    }

    func produce(push: @escaping @Sendable ([GitBlob]) -> Void) throws(KeysweepError) -> ScanStatistics {
        let listing = try CommitListing(repository: repository, revisions: revisions)
        // What the range starts from is read while its commits are compared, on threads of its own.
        let held = BackgroundValue { [store, threads] in
            TreeBlobs.blobs(inTreesOf: listing.boundary, listing: listing, store: store, threads: threads)
        }
        held.start()
        var introduced = TreeProvenance.introductions(in: listing, of: nil, store: store, threads: threads)
        let start = (try? held.value()) ?? TreeBlobs.Found()
        introduced.remove(start.blobs)
        let introductions = introduced
        found.withLock { $0 = (listing, introductions, start.folders) }
        let blobs = Self.inPackOrder(introductions.order, store: store)
        // Trees and commits the comparison could not read: the range is reported incomplete.
        var listed = ScanStatistics()
        for id in introductions.missing { listed.unreadableObject(id.hex, "object \(id.hex) is missing") }
        for (id, reason) in introductions.unreadable { listed.unreadableObject(id.hex, reason) }
        let outcome = Mutex(listed)
        let next = Atomic<Int>(0)
        let (store, maxFileSize) = (self.store, self.maxFileSize)
        WorkerThreads.run(min(threads, max(1, blobs.count))) {
            let reader = StoreObjectReader(store: store, limit: maxFileSize, cacheBudget: Self.cacheBudget)
            var statistics = ScanStatistics()
            var batcher = BlobBatcher()
            while true {
                let stretch = next.wrappingAdd(Self.stretch, ordering: .relaxed).oldValue
                guard stretch < blobs.count else { break }
                for id in blobs[stretch..<min(blobs.count, stretch + Self.stretch)] {
                    let path = introductions.blobs[id]?.first?.path ?? id.hex
                    do throws(KeysweepError) {
                        switch try reader.object(id) {
                        case nil:
                            statistics.unreadableObject(id.hex, "object \(id.hex) is missing")
                        case .tooLarge:
                            statistics.skip(.tooLarge, path: path, message: "larger than \(maxFileSize) bytes")
                        case .object(let type, let bytes):
                            // A symbolic link is a blob too; anything else under a file's name is not read.
                            if type == .blob, let full = batcher.add(GitBlob(id: BlobID(id), path: path, bytes: bytes)) { push(full) }
                        }
                    } catch {
                        statistics.unreadableObject(id.hex, error.message)
                    }
                }
            }
            if let rest = batcher.flush() { push(rest) }
            outcome.withLock { $0.merge(statistics) }
        }
        return outcome.withLock { $0 }
    }

    /// Blobs a thread takes at a time: neighbours in the pack, often of one delta family.
    private static let stretch = 16
    /// Bytes of rebuilt objects each thread keeps, so that a family's base is rebuilt once. Read
    /// in pack order, a family's members come together: 4 MiB keeps what they share, and each
    /// thread's 32 MiB (with two readers since they have threads of their own) made a 100-commit
    /// range 3-5% slower in page faults than the bases it saved (curl, Ansible, Symfony).
    private static let cacheBudget = 4 << 20

    /// `ids` in the order the packs hold them (then the loose ones): git writes a delta family
    /// together, so its members are read one after the other, from one window and one cache.
    private static func inPackOrder(_ ids: [ObjectID], store: PackedObjectStore) -> [ObjectID] {
        let places = ids.map { id in store.location(of: id).map { $0.pack.number << 40 | Int($0.offset) } ?? .max }
        return ids.indices.sorted { (places[$0], $0) < (places[$1], $1) }.map { ids[$0] }
    }

    func scan(_ blob: GitBlob, worker: inout ScanWorker) {
        worker.scan(blob)
    }

    var rangeStart: [ObjectID] { found.withLock { $0?.listing.boundary } ?? [] }

    /// The comparison was made while producing.
    func start() {}

    /// Starts looking up HEAD's tree, if that has not begun; returns at once.
    func startHeadLookup() { headTree.start() }

    /// Of `wanted` (blobs this range introduced), those in HEAD's tree. They are in none of the
    /// trees the range starts from (those blobs are not scanned), so they are in none of those
    /// trees' folders either: HEAD's folders that are also theirs are not read, and what is left
    /// is the few the range changed (`git ls-tree -r HEAD` and its parsing cost Symfony's 100
    /// commits 40 ms of their 300 ms of CPU).
    func blobsAtHead(among wanted: Set<BlobID>) -> Set<BlobID> {
        guard !wanted.isEmpty, let (listing, _, startFolders) = found.withLock({ $0 }),
              let root = (try? headTree.value()) ?? nil else { return [] }
        let atHead = TreeBlobs.blobs(inTrees: [root], skipping: startFolders, listing: listing, store: store, threads: threads)
        return wanted.filter { $0.objectID.map(atHead.blobs.contains) ?? false }
    }

    func provenance(of blobIDs: Set<BlobID>, store _: PackedObjectStore?) throws(KeysweepError) -> GitProvenance {
        guard let (listing, introductions, _) = found.withLock({ $0 }) else { return GitProvenance() }
        var provenance = introductions.provenance(of: Set(blobIDs.compactMap(\.objectID)), in: listing)
        provenance.reachabilityKnown = true
        return provenance
    }
}
