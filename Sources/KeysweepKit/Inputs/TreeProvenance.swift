import Dispatch
import Foundation
import Synchronization

/// Provenance computed in-process: each listed commit's tree is compared with its first parent's,
/// read from the object store by one `StoreObjectReader` per thread, and the blobs it introduced
/// at each path are noted when they matched. This is what `ProvenanceLog` asks of `git diff-tree`,
/// without printing every change of the history for the few that matter, and without a second
/// object cache in another process.
///
/// The comparison is git's (`diff-tree -r --root --no-renames`, see `TreeDiffer`); root commits
/// introduce their whole tree, and a merge what none of its parents has, which counts only for a
/// blob no other commit introduced. Commits are taken in stretches by `threads` threads; the
/// stretches' introductions are joined in listing order, so each blob's introductions come in
/// `git log` order whatever the timing.
final class TreeProvenance: ProvenanceSource {
    private let repository: GitRepository
    private let revisions: GitRevisions
    private let store: PackedObjectStore
    private let threads: Int
    /// The commits, listed (in-process, or by one `git rev-list`) from the first match on.
    private let listing: BackgroundValue<CommitListing>

    /// Consecutive commits one thread diffs: long enough that a stretch's first trees, read cold,
    /// are few; short enough that threads finish together.
    static let stretch = 512
    /// The largest tree or commit read: git writes none near it (a tree entry is at least 28 bytes).
    static let largestObject = 64 << 20

    init(repository: GitRepository, revisions: GitRevisions, store: PackedObjectStore, threads: Int) {
        self.repository = repository
        self.revisions = revisions
        self.store = store
        self.threads = max(1, threads)
        listing = BackgroundValue { () throws(KeysweepError) -> CommitListing in
            try CommitListing.of(revisions, in: repository, store: store)
        }
    }

    var allCommits: CommitListing? {
        guard revisions == .all else { return nil }
        return listing.valueIfDone
    }

    /// Starts listing the commits if that has not begun; returns at once.
    func start() { listing.start() }

    func provenance(of blobIDs: Set<BlobID>, store _: PackedObjectStore?) throws(KeysweepError) -> GitProvenance {
        guard !blobIDs.isEmpty else { return GitProvenance() }
        let listing = try self.listing.value()
        let wanted = Set(blobIDs.compactMap(\.objectID))
        let found = Self.introductions(in: listing, of: wanted, store: store, threads: threads)
        var provenance = found.provenance(of: wanted, in: listing)
        provenance.reachabilityKnown = wanted.isSubset(of: found.blobs.keys) || !Self.refsNameTreesOrBlobs(repository)
        return provenance
    }

    /// What the commits of `listing` introduced (of `wanted`; every blob when nil), each compared
    /// with its parents on `threads` threads. One pass over all commits: a merge's parents are
    /// near it in the listing, whose trees the same thread then has at hand (a second pass over
    /// merges alone read them cold, and took longer than the first on Symfony's 48,000 merges).
    static func introductions(in listing: CommitListing, of wanted: Set<ObjectID>?, store: PackedObjectStore,
                              threads: Int) -> Introductions {
        // A short listing (a range's) is still shared out: in stretches of a quarter of a thread's share.
        let stretch = max(16, min(Self.stretch, listing.commits.count / (4 * max(1, threads))))
        let stretches = (listing.commits.count + stretch - 1) / stretch
        let outcomes = Mutex<[Int: TreeDiffer.Outcome]>([:])
        let next = Atomic<Int>(0)
        WorkerThreads.run(min(threads, max(1, stretches))) {
            let differ = TreeDiffer(listing: listing, store: store, wanted: wanted)
            while true {
                let taken = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard taken < stretches else { break }
                let commits = (taken * stretch)..<min(listing.commits.count, (taken + 1) * stretch)
                let outcome = differ.diff(commits)
                outcomes.withLock { $0[taken] = outcome }
            }
        }
        var found = Introductions()
        let done = outcomes.withLock { $0 }
        for taken in 0..<stretches {
            guard let outcome = done[taken] else { continue }
            for introduction in outcome.introductions { found.add(introduction, merge: listing.commits[introduction.commit].isMerge) }
            found.missing += outcome.missing
            found.unreadable += outcome.unreadable
        }
        return found
    }

    /// Whether a ref (or a tag it names) points at a tree or a blob, whose content no commit
    /// lists; when git cannot tell, true.
    private static func refsNameTreesOrBlobs(_ repository: GitRepository) -> Bool {
        guard let listing = try? GitProcess.output(repository: repository.path, ["for-each-ref", "--format=%(objecttype) %(*objecttype)"])
        else { return true }
        return String(decoding: listing, as: UTF8.self).split(separator: "\n").contains { line in
            line != "commit " && line != "tag commit"
        }
    }
}
