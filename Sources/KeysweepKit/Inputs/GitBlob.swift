/// One distinct blob from git history: its object id, one path that holds it, and its bytes.
struct GitBlob: Sendable {
    let id: String
    let path: String
    let bytes: [UInt8]
}

/// The commits and paths that introduced a blob, as history and fast-export dumps report them.
typealias BlobIntroductions = [String: [(commit: CommitInfo, path: String)]]

extension ScanPool<GitBlob>.Worker {
    /// Matches one blob (skipping binary ones), keeping its id for provenance.
    mutating func scan(_ blob: GitBlob) {
        blob.bytes.withUnsafeBytes { bytes in
            if FileReader.looksBinary(bytes) {
                outcome.statistics.skip(.binary, path: blob.path, message: "binary blob \(blob.id)")
            } else {
                outcome.record(matcher.scan(bytes), path: blob.path, size: bytes.count, blobID: blob.id)
            }
        }
    }
}

extension Array<Match> {
    /// One match per blob becomes one match per (commit, path) that introduced the blob. A blob
    /// with no known introduction (say, one only a merge brought in) keeps the path it was read at.
    func attributed(to introductions: BlobIntroductions) -> [Match] {
        flatMap { match -> [Match] in
            guard let id = match.blobID, let sources = introductions[id], !sources.isEmpty else { return [match] }
            return sources.map { source in
                var located = match
                located.location.path = source.path
                located.location.commit = source.commit
                return located
            }
        }
    }
}
