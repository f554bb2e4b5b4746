import Foundation

/// The commits of all refs in `git rev-list --all` order, read from the object store in-process:
/// what `CommitListing` otherwise asks of a `git rev-list` that inflates and formats every commit
/// (half a second of CPU on Ansible's 66,724 commits, beside the scan).
///
/// git's order, without options: the tips (refs in name order, then HEAD) sorted by committer
/// date, newest first, ties kept in that order; then the newest commit is taken again and again,
/// and each parent not seen yet goes after the commits of its date or later. A queue ordered by
/// date, then by when a commit was queued, takes them in the same order.
///
/// Anything this does not model gives nil, and the caller asks git: replacement refs, grafts, a
/// shallow clone, linked worktrees (their HEADs count as tips), a missing or damaged commit, a
/// commit in another encoding, and an author or committer line not of git's usual shape.
enum CommitWalk {
    /// Gives `take` the commits of all refs of `repository`, newest first as `git rev-list --all`
    /// lists them; false (after some commits, perhaps) when git must be asked.
    static func all(in repository: GitRepository, store: PackedObjectStore,
                    take: (ObjectID, ParsedCommit) -> Void) -> Bool {
        guard !repository.isShallow, repository.objectFormat == "sha1",
              !FileManager.default.fileExists(atPath: repository.commonDirectory + "/info/grafts"),
              !FileManager.default.fileExists(atPath: repository.commonDirectory + "/worktrees"),
              let tips = tips(of: repository) else { return false }
        // Commits are read once each, and seldom deltas: a small cache, and no places kept.
        let reader = StoreObjectReader(store: store, limit: TreeProvenance.largestObject, cacheBudget: 256 << 10,
                                       remembersPlaces: false)
        // A commit is looked up anywhere in the index: the walk maps most of its pages (38 MB of
        // Symfony's), which the scan beside it then holds as resident memory until its end.
        defer {
            store.releaseIndexPages()
            SystemCall.returnFreedMemory()
        }
        var seen = SeenObjects(store: store)
        return walk(from: tips, read: { id in
            guard case .object(let type, let bytes)? = try? reader.object(id) else { return nil }
            return (type, bytes)
        }, firstSight: { seen.insert($0) }, take: take)
    }

    /// The ids the refs and HEAD point at, refs in name order and HEAD last, as `--all` takes
    /// them; nil if git cannot list them or a ref replaces objects.
    private static func tips(of repository: GitRepository) -> [ObjectID]? {
        // `show-ref --head` lists HEAD (when it names a commit) first, then every ref by name.
        // It exits 1 when there are none.
        guard let listing = try? GitProcess.output(repository: repository.path, ["show-ref", "--head"]) else { return nil }
        var refs: [ObjectID] = []
        var head: [ObjectID] = []
        for line in listing.split(separator: UInt8(ascii: "\n")) {
            guard line.count > 41, let id = ObjectID(hex: line.prefix(40)) else { return nil }
            let name = line.dropFirst(41)
            if name.elementsEqual("HEAD".utf8) {
                head.append(id)
            } else {
                guard !name.starts(with: "refs/replace/".utf8) else { return nil }
                refs.append(id)
            }
        }
        return refs + head
    }

    /// The walk over what `read` gives for an id (its type and bytes; nil if it cannot be read);
    /// `firstSight` tells whether a commit is met for the first time.
    static func walk(from tips: [ObjectID], read: (ObjectID) -> (PackEntryHeader.ObjectType, [UInt8])?,
                     firstSight: (ObjectID) -> Bool, take: (ObjectID, ParsedCommit) -> Void) -> Bool {
        var queue = DateQueue()
        // The commits queued, until they are taken.
        var queued: [ObjectID: ParsedCommit] = [:]
        func enqueue(_ id: ObjectID) -> Bool {
            guard firstSight(id) else { return true }
            guard let (type, bytes) = read(id), type == .commit, let commit = ParsedCommit(bytes) else { return false }
            queued[id] = commit
            queue.push(id, date: commit.committerDate)
            return true
        }
        for tip in tips {
            // A tag is followed to what it tags; a tag of a tree or a blob names no commit.
            guard let commit = peeled(tip, read: read) else { return false }
            if let commit, !enqueue(commit) { return false }
        }
        while let id = queue.pop() {
            guard let commit = queued.removeValue(forKey: id) else { return false }
            for parent in commit.parents where !enqueue(parent) { return false }
            take(id, commit)
        }
        return true
    }

    /// The commit `id` names after any tags (nil inside: it names none); nil if it cannot be read.
    private static func peeled(_ id: ObjectID, read: (ObjectID) -> (PackEntryHeader.ObjectType, [UInt8])?) -> ObjectID?? {
        var current = id
        for _ in 0..<16 {
            guard let (type, bytes) = read(current) else { return nil }
            switch type {
            case .commit: return .some(current)
            case .tag:
                // A tag starts `object <40 hex digits>\n`.
                guard bytes.count > 47, bytes.starts(with: "object ".utf8), let target = ObjectID(hex: bytes[7..<47]) else { return nil }
                current = target
            default: return .some(nil)
            }
        }
        return nil
    }
}

/// The objects a walk has met: a bit by index position for those in packs (a bit per object of
/// Symfony's 1.35 million, where a set of its 128,000 commits took 6 MB), a set for loose ones.
private struct SeenObjects {
    private let store: PackedObjectStore
    private var bits: [[UInt64]]
    private var loose: Set<ObjectID> = []

    init(store: PackedObjectStore) {
        self.store = store
        bits = store.packs.map { Array(repeating: 0, count: ($0.index.count + 63) / 64) }
    }

    /// True the first time `id` is given.
    mutating func insert(_ id: ObjectID) -> Bool {
        let found: (pack: Int, position: Int)? = id.withUnsafeBytes { raw in
            for (number, pack) in store.packs.enumerated() {
                if let position = pack.index.indexPosition(of: raw) { return (number, position) }
            }
            return nil
        }
        guard let (pack, position) = found else { return loose.insert(id).inserted }
        let (word, bit) = (position / 64, UInt64(1) << (position % 64))
        guard bits[pack][word] & bit == 0 else { return false }
        bits[pack][word] |= bit
        return true
    }
}

/// Commit ids by committer date, newest first, and by when they were queued among equal dates.
private struct DateQueue {
    private var heap: [(date: UInt64, order: Int, id: ObjectID)] = []
    private var queued = 0

    mutating func push(_ id: ObjectID, date: UInt64) {
        heap.append((date, queued, id))
        queued += 1
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard Self.before(heap[child], heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> ObjectID? {
        guard let first = heap.first else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1
                guard left < heap.count else { break }
                var best = left
                if left + 1 < heap.count, Self.before(heap[left + 1], heap[left]) { best = left + 1 }
                guard Self.before(heap[best], heap[parent]) else { break }
                heap.swapAt(best, parent)
                parent = best
            }
        }
        return first.id
    }

    private static func before(_ a: (date: UInt64, order: Int, id: ObjectID), _ b: (date: UInt64, order: Int, id: ObjectID)) -> Bool {
        a.date != b.date ? a.date > b.date : a.order < b.order
    }
}
