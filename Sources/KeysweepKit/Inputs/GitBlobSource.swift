import Dispatch
import Foundation
import Synchronization

/// Streams every distinct blob of the chosen revisions out of git, each exactly once.
///
/// `processes` instances of `git cat-file --batch` decompress the blobs (one `cat-file` is one
/// core: several let decompression use them all), and one reader thread per instance parses its
/// output and pushes blobs while the workers match what is already queued. Which blobs, and in
/// which order, depends on the revisions:
///
/// - All refs: every blob in the object store, listed in pack order by
///   `cat-file --batch-all-objects --batch-check --unordered` (it inflates nothing), and cut into
///   contiguous parts, one per process. Pack order keeps delta chains together, so the processes
///   inflate no more in total than one would: measured on the bench history, two processes took
///   the CPU time of one, where runs of rev-list order dealt alternately took 25% more. Blobs no
///   ref reaches are read too; `HistoryScanner` drops what it finds in them.
/// - A range, a branch, `--since`: `git rev-list --objects` names each reachable blob once (with
///   one path); a feeder thread deals those ids, in runs of `runLength`, to the processes.
///
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
        let parts = revisions == .all ? try storedBlobParts() : nil
        let list = parts == nil ? try GitProcess(repository: repository.path, arguments:
            ["rev-list", "--objects", "--filter=object:type=blob", "--filter-provided-objects"] + revisions.arguments) : nil
        var readers: [GitProcess] = []
        for _ in 0..<(parts?.count ?? max(1, processes)) {
            readers.append(try GitProcess(repository: repository.path, arguments:
                ["cat-file", "--batch=%(objectname) %(objecttype) %(objectsize) %(rest)"], feedsInput: true))
        }
        let finished = DispatchGroup()
        let statistics = Mutex(ScanStatistics())
        let maxFileSize = self.maxFileSize
        let feedTargets = readers
        if let parts {
            for (part, reader) in zip(parts, feedTargets) {
                finished.enter()
                Thread.detachNewThread {
                    reader.write(part)
                    reader.closeInput()
                    finished.leave()
                }
            }
        } else if let list {
            finished.enter()
            Thread.detachNewThread {
                Self.feed(from: list, to: feedTargets)
                finished.leave()
            }
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
        try list?.finish()
        for reader in readers { try reader.finish() }
        return statistics.withLock { $0 }
    }

    /// The ids of every blob in the object store, in pack order, cut into at most `processes`
    /// contiguous parts of whole lines, ready to write to `cat-file`.
    private func storedBlobParts() throws(KeysweepError) -> [[UInt8]] {
        let listing = try GitProcess.output(repository: repository.path,
            ["cat-file", "--batch-all-objects", "--batch-check=%(objecttype) %(objectname)", "--unordered"])
        var ids: [ArraySlice<UInt8>] = []
        let blobPrefix = Array("blob ".utf8)
        for line in listing.split(separator: UInt8(ascii: "\n")) where line.starts(with: blobPrefix) {
            ids.append(line.dropFirst(blobPrefix.count))
        }
        let partCount = max(1, min(processes, ids.count))
        let partSize = (ids.count + partCount - 1) / partCount
        return (0..<partCount).map { part in
            var bytes: [UInt8] = []
            for id in ids[min(ids.count, part * partSize)..<min(ids.count, (part + 1) * partSize)] {
                bytes += id
                bytes.append(UInt8(ascii: "\n"))
            }
            return bytes
        }
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
            // The path rev-list gave, if any; a blob listed from the object store has only its id.
            let path = fields.count == 4 && !fields[3].isEmpty ? String(decoding: fields[3], as: UTF8.self) : id
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
