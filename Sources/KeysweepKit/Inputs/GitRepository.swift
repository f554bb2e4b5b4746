/// A git repository to scan, checked before any work starts: git is installed, the path is a
/// repository (bare or not), and whether its history is complete.
public struct GitRepository: Sendable {
    public let path: String
    public let isShallow: Bool

    public init(path: String) throws(KeysweepError) {
        guard case .directory = DirectoryWalker.classify(path: path, follow: true) else {
            if case .vanished(let reason) = DirectoryWalker.classify(path: path, follow: true) {
                throw KeysweepError("cannot scan '\(path)': \(reason)")
            }
            throw KeysweepError("cannot scan '\(path)': not a folder (a git repository is a folder)")
        }
        // One process answers both questions: pre-commit hooks pay for every git start.
        let answer: [UInt8]
        do {
            answer = try GitProcess.output(repository: path, ["rev-parse", "--git-dir", "--is-shallow-repository"])
        } catch {
            if error.message.contains("not installed") { throw error }
            throw KeysweepError("'\(path)' is not a git repository")
        }
        self.path = path
        isShallow = String(decoding: answer, as: UTF8.self).split(separator: "\n").last == "true"
    }
}

/// Which commits a history scan covers.
public enum GitRevisions: Sendable, Equatable {
    /// Every ref: branches, tags, remotes, stash.
    case all
    /// What `A..B` introduced.
    case range(String)
    /// What the commits since `ref` (up to HEAD) introduced.
    case since(String)
    /// Every commit reachable from one branch.
    case branch(String)

    /// `git rev-list` arguments that name each blob the revisions reach once, as `<id> <path>`.
    var blobListArguments: [String] {
        ["rev-list", "--objects", "--filter=object:type=blob", "--filter-provided-objects"] + arguments
    }

    /// Arguments for `git rev-list` and `git log`.
    var arguments: [String] {
        switch self {
        case .all: ["--all"]
        case .range(let range): [range]
        case .since(let ref): ["\(ref)..HEAD"]
        case .branch(let name): [name]
        }
    }
}
