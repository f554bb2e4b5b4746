/// The commits of some revisions in `git rev-list` order, each with its tree, first parent and
/// author: what provenance needs to diff commits in-process and to name who introduced what.
///
/// All refs' commits are read in-process where `CommitWalk` can; otherwise one `git rev-list`
/// prints them. Either way they come in git's order (that of `git log`, which is the order
/// introductions are reported in); about 60 bytes a commit are kept, the author's fields as bytes.
struct CommitListing {
    struct Commit {
        let id: ObjectID
        let tree: ObjectID
        /// The first parent; nil for a root commit (or the first commit of a shallow clone).
        let firstParent: ObjectID?
        /// A merge is not diffed, as `git log --raw` shows no diff for one.
        let isMerge: Bool
        /// Where its author's name, email and date lie in `authors`.
        let author: Range<Int>
    }

    private(set) var commits: [Commit] = []
    /// Name, email and ISO 8601 date of each commit's author, NUL-separated, back to back.
    private var authors: [UInt8] = []
    /// Each commit's place in `commits`, for its children's diffs.
    private var places: [ObjectID: Int] = [:]
    /// The parents after the first of each merge, by its place.
    private var mergeParents: [Int: [ObjectID]] = [:]

    /// `git rev-list` arguments that print, for each commit, the fields `read` takes apart.
    static let arguments = ["rev-list", "--no-commit-header", "--format=%H%x00%T%x00%P%x00%an%x00%ae%x00%aI"]

    /// Lists the commits of `revisions` in `repository`: all refs' read from `store` in-process
    /// when `CommitWalk` can, else by `git rev-list`.
    static func of(_ revisions: GitRevisions, in repository: GitRepository, store: PackedObjectStore) throws(KeysweepError) -> CommitListing {
        if revisions == .all, let walked = CommitListing(walking: repository, store: store) { return walked }
        return try CommitListing(repository: repository, revisions: revisions)
    }

    /// The commits of all refs as `CommitWalk` reads them; nil when it cannot.
    private init?(walking repository: GitRepository, store: PackedObjectStore) {
        let walked = CommitWalk.all(in: repository, store: store) { id, commit in
            if commit.parents.count > 1 { mergeParents[commits.count] = Array(commit.parents.dropFirst()) }
            let start = authors.count
            authors.append(contentsOf: commit.author)
            commits.append(Commit(id: id, tree: commit.tree, firstParent: commit.parents.first,
                                  isMerge: commit.parents.count > 1, author: start..<authors.count))
        }
        guard walked else { return nil }
        indexPlaces()
    }

    /// Lists the commits of `revisions` in `repository` with `git rev-list`.
    init(repository: GitRepository, revisions: GitRevisions) throws(KeysweepError) {
        let list = try GitProcess(repository: repository.path, arguments: Self.arguments + revisions.arguments)
        while let line = list.output.readLine() {
            guard add(line) else {
                list.terminate()
                throw KeysweepError(.gitFailed, path: repository.path, "git rev-list printed a line that is not a commit: '\(String(decoding: line.prefix(200), as: UTF8.self))'")
            }
        }
        try list.finish()
        indexPlaces()
    }

    private mutating func indexPlaces() {
        places.reserveCapacity(commits.count)
        for (place, commit) in commits.enumerated() { places[commit.id] = place }
    }

    /// Adds the commit of one line of `arguments`' format; false if the line is not one.
    private mutating func add(_ line: [UInt8]) -> Bool {
        let fields = line.split(separator: 0, maxSplits: 3, omittingEmptySubsequences: false)
        guard fields.count == 4, let id = ObjectID(hex: fields[0]), let tree = ObjectID(hex: fields[1]) else { return false }
        let parents = fields[2].split(separator: UInt8(ascii: " "))
        var ids: [ObjectID] = []
        for parent in parents {
            guard let id = ObjectID(hex: parent) else { return false }
            ids.append(id)
        }
        let firstParent = ids.first
        if ids.count > 1 { mergeParents[commits.count] = Array(ids.dropFirst()) }
        let start = authors.count
        authors.append(contentsOf: fields[3])
        commits.append(Commit(id: id, tree: tree, firstParent: firstParent, isMerge: parents.count > 1, author: start..<authors.count))
        return true
    }

    /// The parents of the merge at `place` after its first; none for a commit that is not a merge.
    func otherParents(at place: Int) -> [ObjectID] { mergeParents[place] ?? [] }

    /// The parents of listed commits that are not listed themselves: where a range starts.
    var boundary: [ObjectID] {
        var seen: Set<ObjectID> = []
        var found: [ObjectID] = []
        for (place, commit) in commits.enumerated() {
            for parent in [commit.firstParent].compactMap({ $0 }) + otherParents(at: place)
            where places[parent] == nil && seen.insert(parent).inserted {
                found.append(parent)
            }
        }
        return found
    }

    /// The place in `commits` of commit `id`, if it is listed.
    func place(of id: ObjectID) -> Int? { places[id] }

    /// The commit at `place` as reports name it.
    func info(at place: Int) -> CommitInfo {
        let commit = commits[place]
        let fields = authors[commit.author].split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        return CommitInfo(id: commit.id.hex, author: fields.first ?? "", email: fields.count > 1 ? fields[1] : "",
                          date: fields.count > 2 ? fields[2] : "")
    }
}
