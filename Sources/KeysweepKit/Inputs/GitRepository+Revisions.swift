import Foundation

/// Checks on what a history scan asks for, made before any scan so that a mistyped ref gets a
/// message in words instead of git's ("Use '--' to separate paths from revisions").
extension GitRepository {
    /// Fails naming the first ref of `revisions` that is not a commit in this repository.
    public func check(_ revisions: GitRevisions) throws(KeysweepError) {
        for ref in revisions.namedRefs where !resolves(ref) {
            throw KeysweepError(.unknownRevision, path: path, "no branch or commit '\(ref)'",
                                remedy: "list them with `git -C \(path) branch --all` and `git -C \(path) tag`")
        }
    }

    /// Whether any ref reaches a commit: a repository just made by `git init` has none.
    public var hasCommits: Bool {
        guard let output = try? GitProcess.output(repository: path, ["rev-list", "--all", "--max-count=1"]) else { return true }
        return !output.isEmpty
    }

    /// Whether `ref` names a commit. A ref that starts with `-` would be read as an option, so it
    /// names none.
    private func resolves(_ ref: String) -> Bool {
        guard !ref.hasPrefix("-") else { return false }
        return (try? GitProcess.output(repository: path, ["rev-parse", "--verify", "--quiet", "\(ref)^{commit}"])) != nil
    }
}

extension GitRevisions {
    /// The refs the revisions name, each to check; an empty side of a range is HEAD.
    var namedRefs: [String] {
        switch self {
        case .all: return []
        case .branch(let name): return [name]
        case .since(let ref): return [ref, "HEAD"]
        case .range(let range):
            let separator = range.contains("...") ? "..." : ".."
            guard let split = range.range(of: separator) else { return [range] }
            let sides = [String(range[..<split.lowerBound]), String(range[split.upperBound...])]
            return sides.map { $0.isEmpty ? "HEAD" : $0 }
        }
    }
}
