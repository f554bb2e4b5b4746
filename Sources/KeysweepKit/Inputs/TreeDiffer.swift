/// Compares commits with their parents for one thread (see `TreeProvenance`), as git's
/// `diff-tree -r --root --no-renames` does: entries are walked in git's order, folders whose ids
/// differ are entered, a new folder's blobs are all introduced, a blob whose id or mode changed
/// is introduced again. A merge is compared with all its parents at once (git's combined diff).
final class TreeDiffer {
    struct Introduction {
        let blob: ObjectID
        /// Its place in the listing.
        let commit: Int
        let path: String
    }

    struct Outcome {
        var introductions: [Introduction] = []
        /// Blobs and trees that commits name but the store lacks.
        var missing: [ObjectID] = []
        /// Objects that could not be read, and why.
        var unreadable: [(ObjectID, String)] = []
    }

    private let listing: CommitListing
    private let store: PackedObjectStore
    /// The blobs whose introductions are noted; all when nil.
    private let wanted: Set<ObjectID>?
    private let reader: StoreObjectReader
    private var outcome = Outcome()
    /// The path of the folder being compared, with a trailing `/` (empty at the root).
    private var prefix: [UInt8] = []

    init(listing: CommitListing, store: PackedObjectStore, wanted: Set<ObjectID>?) {
        self.listing = listing
        self.store = store
        self.wanted = wanted
        // Trees are deltas of their neighbours' versions: 16 MiB keeps a stretch's bases (4 MiB
        // rebuilt them again and again: 3% more CPU on Ansible's history).
        reader = StoreObjectReader(store: store, limit: TreeProvenance.largestObject, cacheBudget: 16 << 20)
    }

    /// Diffs the commits at `commits` of the listing: each with its first parent, a merge with
    /// all its parents.
    func diff(_ commits: Range<Int>) -> Outcome {
        outcome = Outcome()
        for place in commits {
            let commit = listing.commits[place]
            prefix.removeAll(keepingCapacity: true)
            if commit.isMerge {
                let parents = ([commit.firstParent].compactMap { $0 } + listing.otherParents(at: place)).map(tree(ofCommit:))
                // A parent that cannot be read is left out, so nothing is attributed from a guess.
                guard !parents.contains(nil), !parents.contains(commit.tree) else { continue }
                compare(commit.tree, withEach: parents.compactMap { $0 }, commit: place)
                continue
            }
            var parentTree: ObjectID?
            if let parent = commit.firstParent {
                guard let tree = tree(ofCommit: parent) else { continue }
                parentTree = tree
            }
            guard parentTree != commit.tree else { continue }
            compare(commit.tree, with: parentTree, commit: place)
        }
        return outcome
    }

    /// The trees of `commits` that can be read.
    func trees(ofCommits commits: [ObjectID]) -> [ObjectID] {
        commits.compactMap(tree(ofCommit:))
    }

    /// Adds the folders of `tree` to `folders` and its other entries (files, links, submodule
    /// commits) to `blobs`; a tree that cannot be read adds nothing.
    func entries(ofTree tree: ObjectID, folders: inout [ObjectID], blobs: inout Set<ObjectID>) {
        guard let bytes = read(tree, as: .tree) else { return }
        bytes.withUnsafeBytes { buffer in
            var cursor = GitTree.Cursor(buffer, id: tree)
            while !cursor.atEnd {
                guard let raw = try? cursor.raw(), let entry = try? cursor.entry() else { return }
                if entry.isTree {
                    folders.append(entry.id)
                } else {
                    blobs.insert(entry.id)
                }
                cursor.advance(past: raw)
            }
        }
    }

    /// The tree of commit `id`: from the listing, or read from the store for a parent outside it.
    private func tree(ofCommit id: ObjectID) -> ObjectID? {
        if let place = listing.place(of: id) { return listing.commits[place].tree }
        guard let commit = read(id, as: .commit) else { return nil }
        // A commit starts `tree <40 hex digits>\n`.
        guard commit.count >= 46, commit.starts(with: "tree ".utf8) else {
            outcome.unreadable.append((id, "commit \(id.hex) does not start with its tree"))
            return nil
        }
        return ObjectID(hex: commit[5..<45])
    }

    /// The content of object `id` if it is a `type`; nil (noted as missing or unreadable) if not.
    private func read(_ id: ObjectID, as type: PackEntryHeader.ObjectType) -> [UInt8]? {
        do throws(KeysweepError) {
            switch try reader.object(id) {
            case nil:
                outcome.missing.append(id)
                return nil
            case .tooLarge:
                outcome.unreadable.append((id, "\(type) \(id.hex) is larger than \(TreeProvenance.largestObject) bytes"))
                return nil
            case .object(let found, let bytes):
                guard found == type else {
                    outcome.unreadable.append((id, "object \(id.hex) is a \(found), not a \(type)"))
                    return nil
                }
                return bytes
            }
        } catch {
            outcome.unreadable.append((id, error.message))
            return nil
        }
    }

    /// Notes what tree `new` introduced at `prefix` over tree `old` (none: an empty tree).
    /// A side that cannot be read is left out, so nothing is attributed from a guess.
    private func compare(_ new: ObjectID, with old: ObjectID?, commit: Int) {
        guard let newBytes = read(new, as: .tree) else { return }
        var oldBytes: [UInt8] = []
        if let old {
            guard let bytes = read(old, as: .tree) else { return }
            oldBytes = bytes
        }
        newBytes.withUnsafeBytes { newBuffer in
            oldBytes.withUnsafeBytes { oldBuffer in
                var newer = GitTree.Cursor(newBuffer, id: new)
                var older = GitTree.Cursor(oldBuffer, id: old)
                do throws(KeysweepError) {
                    while !newer.atEnd {
                        let raw = try newer.raw()
                        newer.advance(past: raw)
                        if try older.skip(ifSameAs: raw) { continue }
                        let entry = try GitTree.Cursor(raw, id: new).entry()
                        let previous = try older.skip(toPathOf: entry)
                        if entry.isTree {
                            if let previous, previous.id == entry.id { continue }
                            inFolder(entry.name) { compare(entry.id, with: previous?.id, commit: commit) }
                        } else if previous == nil || previous!.id != entry.id || previous!.mode != entry.mode {
                            introduce(entry, commit: commit)
                        }
                    }
                } catch {
                    outcome.unreadable.append((new, error.message))
                }
            }
        }
    }

    /// Runs `body` with the folder `name` added to `prefix`.
    private func inFolder(_ name: UnsafeRawBufferPointer, _ body: () -> Void) {
        let length = prefix.count
        prefix.append(contentsOf: name)
        prefix.append(UInt8(ascii: "/"))
        body()
        prefix.removeSubrange(length...)
    }

    /// A blob (or symlink) at `prefix` + its name, new or changed in `commit`.
    private func introduce(_ entry: GitTree.Entry, commit: Int) {
        guard !entry.isSubmodule else { return }
        if wanted?.contains(entry.id) ?? true {
            outcome.introductions.append(Introduction(blob: entry.id, commit: commit,
                                                      path: String(decoding: prefix + Array(entry.name), as: UTF8.self)))
        } else if !store.holds(entry.id) {
            outcome.missing.append(entry.id)
        }
    }

    /// Notes what merge tree `new` introduced at `prefix` that none of the `parents` trees has
    /// (git's combined diff): a folder equal to one parent's is not entered, so a merge without
    /// conflicts costs the reading of its top trees. The parents' trees are walked side by side
    /// with the merge's, as `compare(_:with:commit:)` walks one.
    private func compare(_ new: ObjectID, withEach parents: [ObjectID], commit: Int) {
        guard let newBytes = read(new, as: .tree) else { return }
        // The parents' trees back to back, so that one buffer holds them all while they are walked.
        var joined: [UInt8] = []
        var bounds: [Range<Int>] = []
        for parent in parents {
            guard let bytes = read(parent, as: .tree) else { return }
            bounds.append(joined.count..<(joined.count + bytes.count))
            joined += bytes
        }
        newBytes.withUnsafeBytes { newBuffer in
            joined.withUnsafeBytes { parentBuffer in
                var newer = GitTree.Cursor(newBuffer, id: new)
                var olders = zip(parents, bounds).map { GitTree.Cursor(UnsafeRawBufferPointer(rebasing: parentBuffer[$1]), id: $0) }
                do throws(KeysweepError) {
                    while !newer.atEnd {
                        let raw = try newer.raw()
                        newer.advance(past: raw)
                        var unchanged = false
                        for index in olders.indices where !unchanged { unchanged = try olders[index].skip(ifSameAs: raw) }
                        if unchanged { continue }
                        let entry = try GitTree.Cursor(raw, id: new).entry()
                        var previous: [GitTree.Entry] = []
                        for index in olders.indices {
                            guard let candidate = try olders[index].skip(toPathOf: entry) else { continue }
                            previous.append(candidate)
                        }
                        if previous.contains(where: { $0.id == entry.id && $0.mode == entry.mode }) { continue }
                        if entry.isTree {
                            inFolder(entry.name) { compare(entry.id, withEach: previous.map(\.id), commit: commit) }
                        } else {
                            introduce(entry, commit: commit)
                        }
                    }
                } catch {
                    outcome.unreadable.append((new, error.message))
                }
            }
        }
    }
}
