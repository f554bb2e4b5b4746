/// A repository's staged change (see `StagedChanges`) as a source for the pool: each staged
/// file's blob, of which only the matches that touch an added line are kept (an archive's
/// members are all new).
struct StagedSource: BlobSource {
    let changes: StagedChanges

    func produce(push: @escaping @Sendable ([StagedChanges.File]) -> Void) throws(KeysweepError) -> ScanStatistics {
        if !changes.files.isEmpty { push(changes.files) }
        return ScanStatistics()
    }

    func scan(_ file: StagedChanges.File, worker: inout ScanWorker) {
        let before = worker.outcome.matches.count
        worker.scan(bytes: file.bytes, path: file.path)
        let added = worker.outcome.matches[before...].filter { match in
            !match.location.member.isEmpty || file.touchesAddedLine(from: match.location.start.line, to: match.location.end.line)
        }
        worker.outcome.matches.replaceSubrange(before..., with: added)
    }
}
