/// One distinct blob from git history: its object id, one path that holds it, and its bytes.
struct GitBlob: Sendable {
    let id: String
    let path: String
    let bytes: [UInt8]
    /// Its keyword hits, sorted by end, when the pack reader found them (see `DeltaHits`).
    var hits: [KeywordHit]? = nil
}

/// The commits and paths that introduced a blob, as history and fast-export dumps report them.
typealias BlobIntroductions = [String: [(commit: CommitInfo, path: String)]]

extension Array<Match> {
    /// One match per blob becomes one match per (commit, path) that introduced the blob. A blob
    /// with no known introduction (say, one only a merge brought in) keeps the path it was read at.
    func attributed(to introductions: BlobIntroductions) -> [Match] {
        flatMap { match -> [Match] in
            guard let id = match.blobID, let sources = introductions[id], !sources.isEmpty else { return [match] }
            return sources.map { source in
                var located = match
                located.location.relocate(to: source.path)
                located.location.commit = source.commit
                return located
            }
        }
    }
}
