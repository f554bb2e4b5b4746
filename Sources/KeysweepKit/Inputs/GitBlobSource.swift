import Dispatch
import Foundation
import Synchronization

/// Streams every distinct blob of the chosen revisions out of git, each exactly once.
///
/// `git rev-list --objects --filter=object:type=blob` names each reachable blob once (with one
/// path); a feeder thread deals those ids, in runs of `runLength`, to `processes` instances of
/// `git cat-file --batch`, and one reader thread per instance parses its output and pushes blobs
/// while the workers match what is already queued. Decompressing blobs is git's share of the
/// work, and one `cat-file` is one core: several let it use them all. Runs keep neighbouring
/// blobs (often deltas of each other) in the same process, so its delta cache still works.
/// Nothing is copied to disk and no map of all blobs is kept.
struct GitBlobSource {
    let repository: GitRepository
    let revisions: GitRevisions
    let maxFileSize: Int
    /// How many `cat-file` processes decompress blobs at once.
    var processes = 1

    /// Blobs per batch, and bytes per batch, whichever is reached first.
    static let batchCount = 32
    static let batchBytes = 1 << 20
    /// Consecutive rev-list lines that go to the same `cat-file`.
    static let runLength = 64

    /// Pushes batches of blobs (from several threads); returns what was skipped. Throws when git
    /// itself failed.
    func produce(push: @escaping @Sendable ([GitBlob]) -> Void) throws(KeysweepError) -> ScanStatistics {
        let list = try GitProcess(repository: repository.path, arguments:
            ["rev-list", "--objects", "--filter=object:type=blob", "--filter-provided-objects"] + revisions.arguments)
        var readers: [GitProcess] = []
        for _ in 0..<max(1, processes) {
            readers.append(try GitProcess(repository: repository.path, arguments:
                ["cat-file", "--batch=%(objectname) %(objecttype) %(objectsize) %(rest)"], feedsInput: true))
        }
        let finished = DispatchGroup()
        let statistics = Mutex(ScanStatistics())
        let maxFileSize = self.maxFileSize
        finished.enter()
        let feedTargets = readers
        Thread.detachNewThread {
            Self.feed(from: list, to: feedTargets)
            finished.leave()
        }
        for reader in readers {
            finished.enter()
            Thread.detachNewThread {
                let read = Self.read(reader, maxFileSize: maxFileSize, push: push)
                statistics.withLock { $0.merge(read) }
                finished.leave()
            }
        }
        finished.wait()
        try list.finish()
        for reader in readers { try reader.finish() }
        return statistics.withLock { $0 }
    }

    /// Parses one `cat-file --batch` output stream into batches of blobs.
    private static func read(_ batch: GitProcess, maxFileSize: Int, push: ([GitBlob]) -> Void) -> ScanStatistics {
        var statistics = ScanStatistics()
        var batcher = BlobBatcher()
        while let header = batch.output.readLine() {
            let fields = header.split(separator: UInt8(ascii: " "), maxSplits: 3, omittingEmptySubsequences: false)
            let id = String(decoding: fields[0], as: UTF8.self)
            guard fields.count >= 3, let size = Int(String(decoding: fields[2], as: UTF8.self)) else {
                // `<id> missing` (or `ambiguous`): the object is not in the repository.
                statistics.skip(.unreadable, path: id, message: "object \(String(decoding: header, as: UTF8.self))")
                continue
            }
            let path = fields.count == 4 ? String(decoding: fields[3], as: UTF8.self) : id
            if size > maxFileSize {
                guard batch.output.skip(size + 1) else { break }
                statistics.skip(.tooLarge, path: path, message: "larger than \(maxFileSize) bytes")
                continue
            }
            guard let bytes = batch.output.read(exactly: size), batch.output.skip(1) else { break }
            if let full = batcher.add(GitBlob(id: id, path: path, bytes: bytes)) { push(full) }
        }
        if let rest = batcher.flush() { push(rest) }
        return statistics
    }

    /// Deals blob ids and paths from rev-list to the cat-file processes in runs, skipping commit
    /// lines (no path).
    private static func feed(from list: GitProcess, to batches: [GitProcess]) {
        var chunks = [[UInt8]](repeating: [], count: batches.count)
        var target = 0
        var inRun = 0
        while let line = list.output.readLine() {
            guard line.contains(UInt8(ascii: " ")) else { continue }
            chunks[target] += line
            chunks[target].append(UInt8(ascii: "\n"))
            if chunks[target].count >= 1 << 16 {
                batches[target].write(chunks[target])
                chunks[target].removeAll(keepingCapacity: true)
            }
            inRun += 1
            if inRun == runLength {
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
