import Foundation
import PCRE2

/// Where the findings of one scan live, so that the enrichment can read what they point at: the
/// `CODEOWNERS` that owns a path, and the file around a private key (for its certificate).
public final class Workspace {
    public enum Kind: Sendable {
        /// Files and folders; paths are as the user gave them (relative to the current folder).
        case folders
        /// A repository: history locations are read with git, working-tree ones under its root.
        case repository(String)
        /// A repository's checked-out files only (the staged change): no git process is started,
        /// since a pre-commit hook pays for every one.
        case workTree(String)
        /// Standard input or a dump: nothing to read.
        case detached
    }

    let kind: Kind
    private let scratch = MatchScratch()
    /// One `git cat-file --batch` for every blob the enrichment reads: a process per key
    /// location cost most of a history scan's enrichment time.
    private var catFile: GitProcess?
    private var repositoryOwners: CodeOwners??
    /// Folder (absolute) -> the CODEOWNERS that governs it and the folder its patterns are relative to.
    private var folderOwners: [String: (owners: CodeOwners, base: String)?] = [:]

    /// `owners`, when given, is the repository's CODEOWNERS as another workspace of the same scan
    /// read it (`repositoryOwners`): the enrichment's threads need not each look for it.
    public init(_ kind: Kind, owners: CodeOwners?? = nil) {
        self.kind = kind
        repositoryOwners = owners
    }

    /// The CODEOWNERS of a repository or work tree, read once; nil for other kinds.
    var repositoryCodeOwners: CodeOwners?? {
        switch kind {
        case .repository(let root):
            if repositoryOwners == nil { repositoryOwners = .some(checkedOutCodeOwners(root) ?? headCodeOwners()) }
        case .workTree(let root):
            if repositoryOwners == nil { repositoryOwners = .some(checkedOutCodeOwners(root)) }
        case .folders, .detached:
            return nil
        }
        return repositoryOwners
    }

    /// CODEOWNERS owners of a location's path.
    func owners(of location: Location) -> [String] {
        switch kind {
        case .detached: return []
        case .repository, .workTree:
            return repositoryCodeOwners??.owners(of: location.path, scratch: scratch) ?? []
        case .folders:
            let absolute = Self.absolute(location.path)
            let folder = (absolute as NSString).deletingLastPathComponent
            guard let (owners, base) = governing(folder) ?? nil else { return [] }
            let relative = String(absolute.dropFirst(base == "/" ? 1 : base.count + 1))
            return owners.owners(of: relative, scratch: scratch)
        }
    }

    /// The bytes of the file or blob at a location, when it can be read (at most 1 MiB).
    func contents(of location: Location) -> [UInt8]? {
        switch kind {
        case .detached: return nil
        case .folders: return Self.read(location.path)
        case .workTree(let root): return Self.read(root + "/" + location.path)
        case .repository(let root):
            guard let commit = location.commit else { return Self.read(root + "/" + location.path) }
            return blob(location.blobID?.hex ?? "\(commit.id):\(location.path)", in: root)
        }
    }

    deinit {
        guard let catFile else { return }
        catFile.closeInput()
        // Reaps the process; a failure here changes nothing the scan already read through it.
        try? catFile.finish()
    }

    /// The bytes of `path` in HEAD's tree for a repository (nil where HEAD lacks it); for other
    /// kinds, the file as `contents(of:)` reads it.
    func headContents(of path: String) -> [UInt8]? {
        guard case .repository(let root) = kind else { return contents(of: Location(path: path, start: .init(line: 1, column: 1), end: .init(line: 1, column: 1))) }
        return blob("HEAD:\(path)", in: root)
    }

    private func blob(_ spec: String, in root: String) -> [UInt8]? {
        guard !spec.contains("\n") else { return nil }
        if catFile == nil { catFile = try? GitProcess(repository: root, arguments: ["cat-file", "--batch"], feedsInput: true) }
        guard let catFile else { return nil }
        catFile.write(Array((spec + "\n").utf8))
        guard let header = catFile.output.readLine() else { return nil }
        let fields = header.split(separator: UInt8(ascii: " "))
        guard fields.count == 3, let size = Int(String(decoding: fields[2], as: UTF8.self)),
              let bytes = catFile.output.read(exactly: size), catFile.output.skip(1) else { return nil }
        return bytes
    }

    /// The checked-out CODEOWNERS if there is one (no process to start: pre-commit hooks pay for
    /// every one).
    private func checkedOutCodeOwners(_ root: String) -> CodeOwners? {
        for path in CodeOwners.locations {
            if let bytes = Self.read(root + "/" + path) {
                return CodeOwners(text: String(decoding: bytes, as: UTF8.self), source: path)
            }
        }
        return nil
    }

    /// HEAD's CODEOWNERS, asked of the `cat-file --batch` that also reads key files (a path HEAD
    /// lacks is answered `missing`).
    private func headCodeOwners() -> CodeOwners? {
        guard case .repository(let root) = kind else { return nil }
        for path in CodeOwners.locations {
            if let bytes = blob("HEAD:\(path)", in: root) {
                return CodeOwners(text: String(decoding: bytes, as: UTF8.self), source: path)
            }
        }
        return nil
    }

    /// The nearest CODEOWNERS at or above `folder`, stopping at the top of a git work tree.
    private func governing(_ folder: String) -> (owners: CodeOwners, base: String)?? {
        if let known = folderOwners[folder] { return known }
        var found: (owners: CodeOwners, base: String)?
        for path in CodeOwners.locations {
            if let bytes = Self.read(folder + "/" + path) {
                found = (CodeOwners(text: String(decoding: bytes, as: UTF8.self), source: path), folder)
                break
            }
        }
        if found == nil, folder != "/", access(folder + "/.git", F_OK) != 0 {
            found = governing((folder as NSString).deletingLastPathComponent) ?? nil
        }
        folderOwners[folder] = .some(found)
        return .some(found)
    }

    private static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true))
            .standardizedFileURL.path
    }

    private static func read(_ path: String) -> [UInt8]? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: 1 << 20)).map(Array.init)
    }
}
