/// Which branches (local and remote) hold each commit of a repository, from one `git rev-list`
/// of the commit graph, so that naming the branches of every finding costs two git processes
/// rather than a `for-each-ref --contains` walk per finding.
///
/// Each commit gets a bit set of the branches whose tips reach it: tips set their own bit, and
/// in `--topo-order` (children before parents) each commit passes its set on to its parents.
/// A history scan of all refs has listed every commit and its parents already (`CommitListing`):
/// the graph is then taken from it, put in that order here, and git is not asked again (on
/// Symfony's 128,000 commits its `rev-list --topo-order` took 0.6 s at the end of the scan).
struct BranchMap: Sendable {
    /// Sorted short names (`main`, `origin/feature`), without `origin/HEAD`.
    let names: [String]
    /// HEAD's branch, when HEAD is on one.
    let head: String?
    private let words: Int
    private let index: [String: Int]
    private let bits: [UInt64]

    /// The graph is dropped beyond this many 64-bit words (commits × ⌈branches / 64⌉): 128 MiB.
    static let wordLimit = 16 << 20

    /// Nil when git cannot answer or the graph is too large. `commits`, when given, holds every
    /// commit of every ref. Otherwise git lists the graph, without what `excluded` reach: for a
    /// range, the commits it starts from. A path from a tip to a commit of the range runs through
    /// that commit's descendants, which the range's start cannot reach (else it would reach the
    /// commit), so each range commit gets the same branches; the walk stops where the range
    /// starts instead of going down the whole history (a 100-commit range of Ansible's whose
    /// finding is gone from HEAD: 0.67 s, now 0.37 s; the rest is other branches' own commits).
    init?(repository root: String, commits: CommitListing? = nil, excluding excluded: [String] = []) {
        guard let refs = try? GitProcess.output(repository: root, ["for-each-ref", "--format=%(objectname) %(refname:short)", "refs/heads", "refs/remotes"])
        else { return nil }
        var tips: [(id: String, name: String)] = []
        for line in String(decoding: refs, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: " ", maxSplits: 1).map(String.init)
            guard fields.count == 2, !fields[1].hasSuffix("/HEAD"), fields[1] != "origin" else { continue }
            tips.append((fields[0], fields[1]))
        }
        tips.sort { $0.name < $1.name }
        names = tips.map(\.name)
        words = (tips.count + 63) / 64
        head = (try? GitProcess.output(repository: root, ["symbolic-ref", "--short", "-q", "HEAD"]))
            .map { String(decoding: $0, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? "" }
            .flatMap { $0.isEmpty ? nil : $0 }
        if let commits {
            guard let built = Self.bits(of: tips.map(\.id), in: commits, words: words) else { return nil }
            index = built.index
            bits = built.bits
            return
        }
        // With no branch there is no graph to read (rev-list refuses an empty list of tips).
        let graph = tips.isEmpty ? []
            : try? GitProcess.output(repository: root, ["rev-list", "--topo-order", "--parents"] + Array(Set(tips.map(\.id))).sorted()
                                     + (excluded.isEmpty ? [] : ["--not"] + excluded))
        guard let graph else { return nil }
        let rows = String(decoding: graph, as: UTF8.self).split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        guard rows.count * words <= Self.wordLimit else { return nil }
        var index: [String: Int] = [:]
        index.reserveCapacity(rows.count)
        for (position, row) in rows.enumerated() { if let id = row.first { index[id] = position } }
        var bits = [UInt64](repeating: 0, count: rows.count * words)
        for (branch, tip) in tips.enumerated() {
            guard let position = index[tip.id] else { continue }
            bits[position * words + branch / 64] |= 1 << UInt64(branch % 64)
        }
        for (position, row) in rows.enumerated() {
            for parent in row.dropFirst() {
                guard let target = index[parent] else { continue }
                for word in 0..<words { bits[target * words + word] |= bits[position * words + word] }
            }
        }
        self.index = index
        self.bits = bits
    }

    /// The bits of each listed commit (by id), passed from children to parents in an order
    /// where each commit comes after all its children (Kahn's: a commit is taken once its last
    /// listed child is). Nil when the graph is too large.
    private static func bits(of tips: [String], in commits: CommitListing, words: Int) -> (index: [String: Int], bits: [UInt64])? {
        let count = commits.commits.count
        guard count * words <= wordLimit else { return nil }
        var bits = [UInt64](repeating: 0, count: count * words)
        for (branch, tip) in tips.enumerated() {
            guard let id = ObjectID(hex: tip), let place = commits.place(of: id) else { continue }
            bits[place * words + branch / 64] |= 1 << UInt64(branch % 64)
        }
        let parents = (0..<count).map { place in
            ([commits.commits[place].firstParent].compactMap { $0 } + commits.otherParents(at: place)).compactMap(commits.place(of:))
        }
        var children = [Int](repeating: 0, count: count)
        for list in parents { for parent in list { children[parent] += 1 } }
        var ready = (0..<count).filter { children[$0] == 0 }.reversed().map { $0 }
        while let place = ready.popLast() {
            for parent in parents[place] {
                for word in 0..<words { bits[parent * words + word] |= bits[place * words + word] }
                children[parent] -= 1
                if children[parent] == 0 { ready.append(parent) }
            }
        }
        var index: [String: Int] = [:]
        index.reserveCapacity(count)
        for (place, commit) in commits.commits.enumerated() { index[commit.id.hex] = place }
        return (index, bits)
    }

    /// The branches that hold any of `commits`, and whether HEAD's branch is not among them.
    func branches(containing commits: [String]) -> (names: [String], onlyUnmerged: Bool)? {
        guard !commits.isEmpty else { return nil }
        var union = [UInt64](repeating: 0, count: words)
        for commit in commits {
            guard let position = index[commit] else { continue }
            for word in 0..<words { union[word] |= bits[position * words + word] }
        }
        let held = names.indices.filter { union[$0 / 64] & (1 << UInt64($0 % 64)) != 0 }.map { names[$0] }
        return (held, !held.isEmpty && head.map { !held.contains($0) } ?? false)
    }
}
