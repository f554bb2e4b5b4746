import Foundation
import Synchronization

/// The blobs anywhere in some trees (those a range starts from, or HEAD's), read on several
/// threads. A folder is read once, by the thread that takes it first from a shared stack, and the
/// folders it holds go back on the stack for any thread to take.
///
/// One thread read the trees a 100-commit range of Symfony starts from (30 commits) for longer
/// than two took to compare the range's 334 commits, and the range's blobs waited for it.
enum TreeBlobs {
    /// What a walk found: the blobs (files, links, submodule commits) and the folders, read or not.
    struct Found: Sendable {
        var blobs: Set<ObjectID> = []
        var folders: Set<ObjectID> = []
    }

    /// The blobs in the trees of `commits`.
    static func blobs(inTreesOf commits: [ObjectID], listing: CommitListing, store: PackedObjectStore, threads: Int) -> Found {
        let roots = TreeDiffer(listing: listing, store: store, wanted: nil).trees(ofCommits: commits)
        return blobs(inTrees: roots, skipping: [], listing: listing, store: store, threads: threads)
    }

    /// The blobs in `roots`, but for the folders of `skipped` (and all below them), which are
    /// not read. The folders are those of `skipped` and those seen.
    static func blobs(inTrees roots: [ObjectID], skipping skipped: Set<ObjectID>, listing: CommitListing,
                      store: PackedObjectStore, threads: Int) -> Found {
        let walk = SharedWalk(roots, skipping: skipped)
        let found = Mutex<Set<ObjectID>>([])
        WorkerThreads.run(max(1, threads)) {
            let differ = TreeDiffer(listing: listing, store: store, wanted: nil)
            var blobs: Set<ObjectID> = []
            var folders: [ObjectID] = []
            var taken = walk.next(adding: [], finishingOne: false)
            while let tree = taken {
                folders.removeAll(keepingCapacity: true)
                differ.entries(ofTree: tree, folders: &folders, blobs: &blobs)
                taken = walk.next(adding: folders, finishingOne: true)
            }
            found.withLock { $0.formUnion(blobs) }
        }
        return Found(blobs: found.withLock { $0 }, folders: walk.seenFolders)
    }

    /// The folders not yet read, those seen, and how many are being read: the walk is over when
    /// none is left and no thread is reading one (which could hold more).
    private final class SharedWalk: @unchecked Sendable {
        private let condition = NSCondition()
        private var pending: [ObjectID] = []
        private var seen: Set<ObjectID>
        private var reading = 0

        init(_ roots: [ObjectID], skipping skipped: Set<ObjectID>) {
            seen = skipped
            for root in roots where seen.insert(root).inserted { pending.append(root) }
        }

        /// Adds the folders found in the one this thread read (`finishingOne`), and takes the
        /// next, waiting while another thread may still add some; nil when the walk is over.
        func next(adding folders: [ObjectID], finishingOne: Bool) -> ObjectID? {
            condition.lock()
            defer { condition.unlock() }
            for folder in folders where seen.insert(folder).inserted { pending.append(folder) }
            if finishingOne { reading -= 1 }
            while pending.isEmpty && reading > 0 { condition.wait() }
            // Others wait for folders or for the end: either has come.
            condition.broadcast()
            guard let folder = pending.popLast() else { return nil }
            reading += 1
            return folder
        }

        /// Every folder seen, once the walk is over.
        var seenFolders: Set<ObjectID> {
            condition.lock()
            defer { condition.unlock() }
            return seen
        }
    }
}
