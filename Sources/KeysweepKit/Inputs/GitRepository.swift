import Foundation
/// A git repository to scan, checked before any work starts: git is installed, the path is a
/// repository (bare or not), and whether its history is complete.
public struct GitRepository: Sendable {
    public let path: String
    public let isShallow: Bool
    /// Where its objects are (`$GIT_DIR/objects`, or `GIT_OBJECT_DIRECTORY`).
    let objectDirectory: String
    /// `sha1` or `sha256`.
    let objectFormat: String
    /// The folder worktrees share (`$GIT_COMMON_DIR`): refs, `info/grafts`, `worktrees`.
    let commonDirectory: String

    /// With `discoverInProcess`, a plain working tree (see `plainWorkingTree`) is recognised from
    /// its files, without `git rev-parse`: the pre-commit hook saves a git start (4-10 ms here),
    /// and runs `git diff --cached` next, which fails as git does on anything git would refuse.
    public init(path: String, discoverInProcess: Bool = false) throws(KeysweepError) {
        if discoverInProcess, let plain = Self.plainWorkingTree(at: path) {
            self = plain
            return
        }
        guard case .directory = DirectoryWalker.classify(path: path, follow: true) else {
            if case .vanished(let reason) = DirectoryWalker.classify(path: path, follow: true) {
                throw KeysweepError(.unreadableInput, path: path, reason)
            }
            throw KeysweepError(.notARepository, path: path, "it is not a folder (a git repository is a folder)", remedy: "use `keysweep scan \(path)` for a file")
        }
        // One process answers every question: pre-commit hooks pay for every git start.
        let answer: [UInt8]
        do {
            answer = try GitProcess.output(repository: path, [
                "rev-parse", "--git-dir", "--is-shallow-repository", "--git-path", "objects", "--show-object-format",
                "--git-common-dir",
            ])
        } catch {
            if error.code == .gitMissing { throw error }
            throw Self.notARepository(path)
        }
        let lines = String(decoding: answer, as: UTF8.self).split(separator: "\n").map(String.init)
        guard lines.count == 5 else { throw Self.notARepository(path) }
        self.path = path
        isShallow = lines[1] == "true"
        // Relative to the repository, as `git -C path` prints them.
        objectDirectory = lines[2].hasPrefix("/") ? lines[2] : path + "/" + lines[2]
        objectFormat = lines[3]
        commonDirectory = lines[4].hasPrefix("/") ? lines[4] : path + "/" + lines[4]
    }

    private init(path: String, isShallow: Bool, objectDirectory: String, objectFormat: String, commonDirectory: String) {
        self.path = path
        self.isShallow = isShallow
        self.objectDirectory = objectDirectory
        self.objectFormat = objectFormat
        self.commonDirectory = commonDirectory
    }

    /// `path/.git` as `git init` makes it: a folder with `HEAD` and `objects`, no `commondir`
    /// (a linked worktree), a config that names no object format (SHA-1), and none of the
    /// environment variables that move a repository's parts. What `rev-parse` would answer, read
    /// from the files; nil for anything else, which `rev-parse` then answers.
    static func plainWorkingTree(at path: String) -> GitRepository? {
        let moved = ["GIT_DIR", "GIT_COMMON_DIR", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_WORK_TREE"]
        guard moved.allSatisfy({ getenv($0) == nil }) else { return nil }
        let gitDirectory = path + "/.git"
        guard case .directory = DirectoryWalker.classify(path: gitDirectory, follow: false),
              access(gitDirectory + "/HEAD", R_OK) == 0, access(gitDirectory + "/commondir", F_OK) != 0,
              case .directory = DirectoryWalker.classify(path: gitDirectory + "/objects", follow: false),
              let config = FileManager.default.contents(atPath: gitDirectory + "/config"),
              !String(decoding: config, as: UTF8.self).lowercased().contains("objectformat")
        else { return nil }
        return GitRepository(path: path, isShallow: access(gitDirectory + "/shallow", F_OK) == 0,
                             objectDirectory: path + "/.git/objects", objectFormat: "sha1", commonDirectory: gitDirectory)
    }

    private static func notARepository(_ path: String) -> KeysweepError {
        KeysweepError(.notARepository, path: path, "it is not a git repository", remedy: "use `keysweep scan \(path)` to scan its files")
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

    /// `git rev-list` arguments that name each blob the revisions reach once, as `<id> <path>`,
    /// and each object the repository lacks as `?<id>` (a damaged clone, a mirror without its
    /// large files): what can be read is still scanned.
    var blobListArguments: [String] {
        ["rev-list", "--objects", "--missing=print", "--filter=object:type=blob", "--filter-provided-objects"] + arguments
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
