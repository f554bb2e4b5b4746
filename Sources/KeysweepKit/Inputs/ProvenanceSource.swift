/// Where a history scan gets the commits and paths that introduced the blobs it matched: git's
/// diffs (`ProvenanceLog`) or the object store read in-process (`TreeProvenance`).
protocol ProvenanceSource: Sendable {
    /// Begins what can be done before the matches are known; returns at once. Safe from any thread.
    func start()
    /// The introductions of `blobIDs`. With `store`, blobs commits introduced that it lacks are
    /// noted as missing.
    func provenance(of blobIDs: Set<BlobID>, store: PackedObjectStore?) throws(KeysweepError) -> GitProvenance
    /// Every commit of every ref with its parents, if it was listed in-process for all refs.
    var allCommits: CommitListing? { get }
    /// For a range, the commits it starts from, once listed.
    var rangeStart: [ObjectID] { get }
}

extension ProvenanceSource {
    var allCommits: CommitListing? { nil }
    var rangeStart: [ObjectID] { [] }
}
