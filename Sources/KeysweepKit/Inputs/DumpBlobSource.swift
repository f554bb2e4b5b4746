import Synchronization

/// A git object dump (see `ObjectDumpSource`) as a source for the pool: the producer parses the
/// stream into blobs, and keeps what only the whole stream tells: the commits and paths that
/// introduced each blob (fast-export), and where the dump is damaged.
struct DumpBlobSource: BlobSource {
    let name: String
    let descriptor: Int32
    let maxFileSize: Int
    /// Filled by `produce`, read after the scan.
    let gathered = Gathered()

    final class Gathered: Sendable {
        let state = Mutex<(introductions: ObjectDumpSource.IntroductionsByMark, damage: DumpError?)>(([:], nil))
    }

    func produce(push: @escaping @Sendable ([GitBlob]) -> Void) -> ScanStatistics {
        var source = ObjectDumpSource(name: name, fileDescriptor: descriptor, maxFileSize: maxFileSize)
        let (statistics, damage) = source.produce(push: push)
        let introductions = source.introductions
        gathered.state.withLock { $0 = (introductions, damage) }
        return statistics
    }

    func scan(_ blob: GitBlob, worker: inout ScanWorker) {
        worker.scan(blob)
    }
}
