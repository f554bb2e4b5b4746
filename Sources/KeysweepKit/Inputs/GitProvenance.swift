/// The commits and paths that introduced each blob, in `git log` order.
typealias BlobIntroductions = [BlobID: [(commit: CommitInfo, path: String)]]

/// Where blobs came from: every commit that introduced each blob at a path, read from the raw
/// diffs of every commit for only the blobs that matched, so memory grows with findings, not
/// history.
struct GitProvenance {
    /// Introductions of each wanted blob: (commit, path), in `git log` order.
    private(set) var introductions: BlobIntroductions = [:]
    /// Blobs that commits introduced but the object store lacks (see `read`), in hex: only
    /// messages name them (with the trees `TreeProvenance` finds missing).
    private(set) var missing: Set<String> = []
    /// Whether a blob without introductions is known to be in no revision (it was read from the
    /// object store, but nothing reaches it); when false, git is asked (`reachablePaths`).
    var reachabilityKnown = false
    /// Objects provenance needed but could not read, and why (a damaged tree, say).
    private(set) var unreadable: [String: String] = [:]

    /// `git diff-tree` arguments that print, for each commit id on its standard input, the commit
    /// and the blobs it changed, as `git log --raw` would: root commits in full, merges not at all.
    static let diffArguments = [
        "diff-tree", "--stdin", "--root", "-r", "-z", "--raw", "--no-abbrev", "--no-renames",
        "--format=%x01%H%x02%an%x02%ae%x02%aI",
    ]

    init() {}

    /// Notes that `commit` introduced blob `id` at `path`, after the introductions noted before.
    mutating func introduce(_ id: BlobID, commit: CommitInfo, path: String) {
        introductions[id, default: []].append((commit, path))
    }

    mutating func noteMissing(_ id: String) { missing.insert(id) }

    mutating func noteUnreadable(_ id: String, _ reason: String) {
        if unreadable[id] == nil { unreadable[id] = reason }
    }

    /// Reads a log in the format of `diffArguments`, adding to what was read before. With `store`,
    /// every blob a commit introduced is also looked up in it, and those it lacks are `missing`:
    /// reading the store finds only what is there.
    mutating func read(_ log: ByteStreamReader, blobIDs: Set<BlobID>, store: PackedObjectStore? = nil) {
        var commit: CommitInfo?
        var wanted: BlobID?
        // With -z every field ends in NUL: a header, then per change its `:modes ids status` and path.
        while var token = log.readLine(delimiter: 0) {
            if token.first == UInt8(ascii: "\n") { token.removeFirst() }
            if token.first == 1 {
                let fields = token.dropFirst().split(separator: 2, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
                commit = fields.count == 4 ? CommitInfo(id: fields[0], author: fields[1], email: fields[2], date: fields[3]) : nil
                wanted = nil
            } else if token.first == UInt8(ascii: ":") {
                let parts = token.split(separator: UInt8(ascii: " "))
                let newID = parts.count >= 4 ? BlobID(hex: parts[3]) : nil
                wanted = newID.flatMap { blobIDs.contains($0) ? $0 : nil }
                // Not a deletion (the null id) nor a submodule (mode 160000: a commit elsewhere).
                if let store, wanted == nil, let newID, !parts[1].elementsEqual("160000".utf8), !newID.isNull,
                   !(newID.objectID.map(store.holds) ?? false) {
                    missing.insert(newID.hex)
                }
            } else if let id = wanted, let commit {
                introductions[id, default: []].append((commit, String(decoding: token, as: UTF8.self)))
                wanted = nil
            }
        }
    }

    /// Puts each blob's introductions in the order of `listing` (commit ids, one a line, as
    /// `git rev-list` prints them), whatever order the logs were read in.
    mutating func putInOrder(of listing: [UInt8]) {
        let named = Set(introductions.values.joined().map(\.commit.id))
        guard !named.isEmpty else { return }
        var position: [String: Int] = [:]
        for (index, line) in listing.split(separator: UInt8(ascii: "\n")).enumerated() {
            let id = String(decoding: line, as: UTF8.self)
            if named.contains(id) { position[id] = index }
            if position.count == named.count { break }
        }
        for (blob, sources) in introductions {
            // Stable: a commit that introduced the blob at two paths keeps them in the log's order.
            introductions[blob] = sources.enumerated().sorted { left, right in
                let (a, b) = (position[left.element.commit.id] ?? .max, position[right.element.commit.id] ?? .max)
                return a != b ? a < b : left.offset < right.offset
            }.map(\.element)
        }
    }

    /// One path at which `revisions` reach each of `wanted`; a blob no revision reaches has none.
    /// For blobs `git log --raw` does not explain: read from the object store, or brought in only by
    /// a merge. Objects the listing found missing on its way are added to `missing`.
    static func reachablePaths(of wanted: Set<BlobID>, in repository: GitRepository, revisions: GitRevisions,
                               missing: inout Set<String>) throws(KeysweepError) -> [BlobID: String] {
        guard !wanted.isEmpty else { return [:] }
        let list = try GitProcess(repository: repository.path, arguments: revisions.blobListArguments)
        var paths: [BlobID: String] = [:]
        while let line = list.output.readLine() {
            if line.first == UInt8(ascii: "?") {
                missing.insert(String(decoding: line.dropFirst().prefix(64), as: UTF8.self))
                continue
            }
            guard let space = line.firstIndex(of: UInt8(ascii: " ")), let id = BlobID(hex: line[..<space]) else { continue }
            if wanted.contains(id), paths[id] == nil {
                paths[id] = String(decoding: line[(space + 1)...], as: UTF8.self)
                if paths.count == wanted.count {
                    list.terminate()
                    return paths
                }
            }
        }
        try list.finish()
        return paths
    }
}
