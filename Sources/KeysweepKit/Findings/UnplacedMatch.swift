/// A match in a blob of git history or of a dump, kept with the blob's origin until provenance
/// says which commits and paths hold the blob: each `Location` is then built once, where it is.
struct UnplacedMatch: Sendable {
    let match: BlobMatch
    let origin: BlobOrigin

    /// The match once per (commit, path) that introduced the blob, in their order; with no
    /// introduction (a blob only a merge brought in, say), once at the path the blob was read at.
    func placed(by introductions: [(commit: CommitInfo, path: String)]) -> [Match] {
        guard !introductions.isEmpty else { return [placed(at: origin.path)] }
        return introductions.map { placed(at: $0.path, commit: $0.commit) }
    }

    /// The match in the blob at `path`, where `commit`, if given, introduced it; an archive
    /// member keeps its name after the path (one named after the blob takes the path's).
    func placed(at path: String, commit: CommitInfo? = nil) -> Match {
        let member = origin.member.isEmpty ? "" : ArchiveMagic.members(origin.member, readIn: origin.path, placedIn: path)
        return Match(match, path: path + member, member: member, commit: commit, blobID: origin.id)
    }
}
