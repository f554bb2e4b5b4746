import Dispatch

/// Streams every distinct blob of the chosen revisions out of git, each exactly once.
///
/// `git rev-list --objects --filter=object:type=blob` names each reachable blob once (with one
/// path); a feeder thread passes those ids to `git cat-file --batch`, whose output this source
/// parses while the workers match what it already pushed. Nothing is copied to disk and no map of
/// all blobs is kept: memory is the queue plus the blob being read.
struct GitBlobSource {
    let repository: GitRepository
    let revisions: GitRevisions
    let maxFileSize: Int

    /// Blobs per batch, and bytes per batch, whichever is reached first.
    static let batchCount = 32
    static let batchBytes = 1 << 20

    /// Pushes batches of blobs; returns what was skipped. Throws when git itself failed.
    func produce(push: ([GitBlob]) -> Void) throws(KeysweepError) -> ScanStatistics {
        var statistics = ScanStatistics()
        let list = try GitProcess(repository: repository.path, arguments:
            ["rev-list", "--objects", "--filter=object:type=blob", "--filter-provided-objects"] + revisions.arguments)
        let batch = try GitProcess(repository: repository.path, arguments:
            ["cat-file", "--batch=%(objectname) %(objecttype) %(objectsize) %(rest)"], feedsInput: true)
        let feeder = DispatchGroup()
        DispatchQueue.global().async(group: feeder) {
            Self.feed(from: list, to: batch)
        }
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
        feeder.wait()
        try list.finish()
        try batch.finish()
        return statistics
    }

    /// Copies blob ids and paths from rev-list to cat-file, skipping commit lines (no path).
    private static func feed(from list: GitProcess, to batch: GitProcess) {
        var chunk: [UInt8] = []
        while let line = list.output.readLine() {
            guard line.contains(UInt8(ascii: " ")) else { continue }
            chunk += line
            chunk.append(UInt8(ascii: "\n"))
            if chunk.count >= 1 << 16 {
                batch.write(chunk)
                chunk.removeAll(keepingCapacity: true)
            }
        }
        if !chunk.isEmpty { batch.write(chunk) }
        batch.closeInput()
    }
}
