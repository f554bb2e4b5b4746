/// The blobs commits introduced, and where, as `TreeProvenance` finds them: by blob, in listing
/// order; a merge's introductions count only for a blob no other commit introduced.
struct Introductions {
    /// Each blob's introductions by commits that are not merges (commit's place in the listing,
    /// path); or, for a blob no such commit introduced, by the merges none of whose parents had it
    /// there (a conflict resolved with new content, say).
    private(set) var blobs: [ObjectID: [(commit: Int, path: String)]] = [:]
    /// Blobs in the order of their first introduction.
    private(set) var order: [ObjectID] = []
    /// Blobs whose introductions so far are all by merges.
    private var onlyByMerges: Set<ObjectID> = []
    /// Blobs and trees commits name that the store lacks.
    var missing: [ObjectID] = []
    /// Objects that could not be read, and why.
    var unreadable: [(ObjectID, String)] = []

    /// Adds an introduction that comes after those added before in the listing. A merge's counts
    /// only while no other commit introduced the blob: what git's diffs show then decides.
    mutating func add(_ introduction: TreeDiffer.Introduction, merge: Bool) {
        let blob = introduction.blob
        let entry = (introduction.commit, introduction.path)
        guard let known = blobs[blob] else {
            blobs[blob] = [entry]
            order.append(blob)
            if merge { onlyByMerges.insert(blob) }
            return
        }
        if merge {
            if onlyByMerges.contains(blob) { blobs[blob] = known + [entry] }
        } else if onlyByMerges.remove(blob) != nil {
            blobs[blob] = [entry]
        } else {
            blobs[blob] = known + [entry]
        }
    }

    /// Forgets the introductions of `known`.
    mutating func remove(_ known: Set<ObjectID>) {
        guard !known.isEmpty else { return }
        order.removeAll { blob in
            guard known.contains(blob) else { return false }
            blobs[blob] = nil
            return true
        }
    }

    /// The provenance of `wanted` (every blob when nil), commits named as `listing` has them.
    func provenance(of wanted: Set<ObjectID>?, in listing: CommitListing) -> GitProvenance {
        var provenance = GitProvenance()
        for blob in order where wanted?.contains(blob) ?? true {
            let id = BlobID(blob)
            for (commit, path) in blobs[blob] ?? [] { provenance.introduce(id, commit: listing.info(at: commit), path: path) }
        }
        for id in missing { provenance.noteMissing(id.hex) }
        for (id, reason) in unreadable { provenance.noteUnreadable(id.hex, reason) }
        return provenance
    }
}
