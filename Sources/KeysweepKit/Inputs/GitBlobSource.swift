import Dispatch
import Foundation
import Synchronization

/// Streams every distinct blob of the chosen revisions out of git, each exactly once.
///
/// For all refs (unless the clone is partial) a plain object store is read in-process by
/// `PackedObjectStore`. Otherwise a feeder thread reads a listing of blob ids and deals them, in
/// runs of `runLength`, to `processes` instances of `git cat-file --batch` (one `cat-file` is one
/// core: several let decompression use them all); one reader thread per instance parses its
/// output and pushes blobs while the workers match what is already queued. The listing depends on
/// the revisions:
///
/// - All refs, in a store git must read (alternates, SHA-256): every blob in the object store, in
///   pack order, from `cat-file --batch-all-objects --batch-check --unordered` (it inflates
///   nothing). Pack order keeps delta chains together: on the bench history, runs of 256 dealt to
///   two processes took the CPU time of one process, where runs of rev-list order took 25% more;
///   and rev-list itself walks every tree (8.8 s on 20,000 commits).
/// - A branch, a partial clone (and a range or `--since` in a store Keysweep does not read, see
///   `RangeBlobSource`): `git rev-list --objects` names each reachable blob once, with one path.
///
/// Blobs no ref reaches are read too when the object store is; `HistoryScanner` drops what it
/// finds in them. Nothing is copied to disk and no map of all blobs is kept.
struct GitBlobSource {
    let repository: GitRepository
    let revisions: GitRevisions
    let maxFileSize: Int
    /// How many threads or `cat-file` processes decompress blobs at once.
    let processes: Int
    /// Whether blobs are listed from the object store (all refs) rather than by rev-list.
    let readsObjectStore: Bool
    /// A clone that lacks objects a promisor remote has (blobs, or trees too).
    let isPartialClone: Bool
    /// The object store, when Keysweep reads it itself (a plain store, all refs).
    let store: PackedObjectStore?
    /// Told how much of the store has been read, when Keysweep reads it.
    let progress: ScanProgress?
    /// When given, blobs read from packs go with their keyword hits (see `DeltaHits`).
    let prefilter: KeywordPrefilter?

    init(repository: GitRepository, revisions: GitRevisions, maxFileSize: Int, processes: Int,
         prefilter: KeywordPrefilter? = nil, progress: ScanProgress? = nil) throws(KeysweepError) {
        self.repository = repository
        self.prefilter = prefilter
        self.progress = progress
        self.revisions = revisions
        self.maxFileSize = maxFileSize
        self.processes = processes
        // A partial clone lacks the blobs it never fetched, which only rev-list names (cat-file
        // then fetches them, or reports them missing).
        isPartialClone = Self.isPartialClone(repository)
        readsObjectStore = revisions == .all && !isPartialClone
        store = readsObjectStore ? try PackedObjectStore(repository: repository) : nil
    }

    /// A promisor remote (how a partial clone records where its missing objects are), or the
    /// older `extensions.partialClone`. A partial clone keeps what it fetched from its promisor
    /// in packs marked by a `.promisor` file; without one no object is promised, and git's
    /// configuration is not asked (a git start less for every range a CI job scans).
    static func isPartialClone(_ repository: GitRepository) -> Bool {
        let packs = (try? FileManager.default.contentsOfDirectory(atPath: repository.objectDirectory + "/pack")) ?? []
        guard packs.contains(where: { $0.hasSuffix(".promisor") }) else { return false }
        guard let listing = try? GitProcess.output(repository: repository.path, [
            "config", "--get-regexp", #"^(extensions\.partialclone|remote\..*\.promisor)$"#,
        ]) else { return false }  // exit status 1: no such setting
        return String(decoding: listing, as: UTF8.self).split(separator: "\n").contains { line in
            !line.hasSuffix(" false")
        }
    }

    /// Blobs per batch, and bytes per batch, whichever is reached first.
    static let batchCount = 32
    static let batchBytes = 1 << 20
    /// Consecutive listed blobs that go to the same `cat-file`.
    static let runLength = 256

    /// Pushes batches of blobs (from several threads); returns what was skipped. Throws when git
    /// itself failed.
    func produce(push: @escaping @Sendable ([GitBlob]) -> Void) throws(KeysweepError) -> ScanStatistics {
        let fromStore = readsObjectStore
        if let store {
            return try store.produce(threads: processes, maxFileSize: maxFileSize, prefilter: prefilter, progress: progress, push: push)
        }
        let list = try GitProcess(repository: repository.path, arguments: fromStore
            ? ["cat-file", "--batch-all-objects", "--batch-check=%(objecttype) %(objectname)", "--unordered"]
            : revisions.blobListArguments)
        var readers: [GitProcess] = []
        for _ in 0..<max(1, processes) {
            readers.append(try GitProcess(repository: repository.path, arguments:
                ["cat-file", "--batch=\(Self.batchFormat)"], feedsInput: true))
        }
        let finished = DispatchGroup()
        let outcome = Mutex<(statistics: ScanStatistics, error: KeysweepError?)>((ScanStatistics(), nil))
        let maxFileSize = self.maxFileSize
        let feedTargets = readers
        finished.enter()
        Thread.detachNewThread {
            Self.feed(from: list, to: feedTargets, request: fromStore ? Self.storedBlob : Self.revListBlob)
            finished.leave()
        }
        for reader in readers {
            finished.enter()
            Thread.detachNewThread {
                let (read, error) = Self.read(reader, maxFileSize: maxFileSize, push: push)
                // git may still be writing what we will not read: stop it, so that nothing waits.
                if error != nil {
                    list.terminate()
                    reader.terminate()
                }
                outcome.withLock { outcome in
                    outcome.statistics.merge(read)
                    if outcome.error == nil { outcome.error = error }
                }
                finished.leave()
            }
        }
        finished.wait()
        if let error = outcome.withLock({ $0.error }) {
            for reader in readers { reader.terminate() }
            list.terminate()
            throw error
        }
        try list.finish()
        for reader in readers { try reader.finish() }
        return outcome.withLock { $0.statistics }
    }

    /// A rev-list line with a path names a blob (`<id> <path>`, passed on whole so that cat-file
    /// echoes the path); one without is a commit. `?<id>` is an object the repository lacks
    /// (`--missing=print`): asked for anyway, so that cat-file names it missing and the scan is
    /// reported incomplete.
    private static func revListBlob(_ line: [UInt8]) -> ArraySlice<UInt8>? {
        if line.first == UInt8(ascii: "?") { return line.dropFirst() }
        return line.contains(UInt8(ascii: " ")) ? line[...] : nil
    }

    private static let blobPrefix = Array("blob ".utf8)

    /// A `blob <id>` line of the object store listing: the id.
    private static func storedBlob(_ line: [UInt8]) -> ArraySlice<UInt8>? {
        line.starts(with: blobPrefix) ? line.dropFirst(blobPrefix.count) : nil
    }

    private static let batchFormat = "%(objectname) %(objecttype) %(objectsize) %(rest)"

    /// Parses one `cat-file --batch` output stream into batches of blobs; other objects are
    /// skipped. Stops at the first thing that is not what cat-file writes (a header line longer
    /// than any header, a size that is not a number, a stream cut short), with the reason.
    private static func read(_ batch: GitProcess, maxFileSize: Int, push: ([GitBlob]) -> Void) -> (ScanStatistics, KeysweepError?) {
        var statistics = ScanStatistics()
        var batcher = BlobBatcher()
        defer { if let rest = batcher.flush() { push(rest) } }
        func failure(_ what: String) -> KeysweepError {
            KeysweepError("git cat-file wrote \(what) at byte \(batch.output.offset) of its output")
        }
        while let header = batch.output.readLine() {
            let fields = header.split(separator: UInt8(ascii: " "), maxSplits: 3, omittingEmptySubsequences: false)
            let id = String(decoding: fields[0].prefix(64), as: UTF8.self)
            guard fields.count >= 3 else {
                // `<id> missing` (or `ambiguous`): the object is not in the repository.
                statistics.unreadableObject(id, "object \(id) is missing")
                continue
            }
            // At most 18 digits: `size + 1` below cannot overflow.
            guard fields[2].count <= 18, let size = Int(String(decoding: fields[2], as: UTF8.self)), size >= 0 else {
                return (statistics, failure("an object size that is not a number of bytes for \(id)"))
            }
            // Loose objects are read by id without knowing their type.
            guard fields[1].elementsEqual("blob".utf8) else {
                guard batch.output.skip(size + 1) else { return (statistics, failure("less than the \(size) bytes of \(id)")) }
                continue
            }
            // The path rev-list gave, if any; a blob listed from the object store has only its id.
            let path = fields.count == 4 && !fields[3].isEmpty ? String(decoding: fields[3], as: UTF8.self) : id
            if size > maxFileSize {
                guard batch.output.skip(size + 1) else { return (statistics, failure("less than the \(size) bytes of \(id)")) }
                statistics.skip(.tooLarge, path: path, message: "larger than \(maxFileSize) bytes")
                continue
            }
            guard let bytes = batch.output.read(exactly: size), batch.output.read(exactly: 1) == [UInt8(ascii: "\n")] else {
                return (statistics, failure("less than the \(size) bytes of \(id), or no newline after them"))
            }
            guard let blobID = BlobID(hex: fields[0]) else { return (statistics, failure("a blob id that is not 40 or 64 hex digits")) }
            if let full = batcher.add(GitBlob(id: blobID, path: path, bytes: bytes)) { push(full) }
        }
        if batch.output.lineWasTooLong { return (statistics, failure("a header line longer than \(batch.output.lineLimit) bytes")) }
        return (statistics, nil)
    }

    /// Deals the requests `request` makes of the listing's lines to the cat-file processes, in runs.
    private static func feed(from list: GitProcess, to batches: [GitProcess],
                             request: ([UInt8]) -> ArraySlice<UInt8>?) {
        var chunks = [[UInt8]](repeating: [], count: batches.count)
        var target = 0
        var inRun = 0
        while let line = list.output.readLine() {
            guard let wanted = request(line) else { continue }
            chunks[target] += wanted
            chunks[target].append(UInt8(ascii: "\n"))
            inRun += 1
            // Each run is written as soon as it is complete, so every process starts on its first
            // run rather than after 64 KiB of ids.
            if inRun == runLength {
                batches[target].write(chunks[target])
                chunks[target].removeAll(keepingCapacity: true)
                inRun = 0
                target = (target + 1) % batches.count
            }
        }
        for (index, batch) in batches.enumerated() {
            if !chunks[index].isEmpty { batch.write(chunks[index]) }
            batch.closeInput()
        }
    }
}

extension GitBlobSource: BlobSource {
    func scan(_ blob: GitBlob, worker: inout ScanWorker) {
        worker.scan(blob)
    }
}
