import Foundation

/// Checks on what a history scan asks for, made before any scan so that a mistyped ref gets a
/// message in words instead of git's ("Use '--' to separate paths from revisions").
extension GitRepository {
    /// Fails naming the first ref of `revisions` that is not a commit in this repository.
    public func check(_ revisions: GitRevisions) throws(KeysweepError) {
        try checkSpelling(of: revisions)
        let refs = revisions.namedRefs
        guard !refs.isEmpty else { return }
        let resolved = commits(named: refs)
        for (ref, commit) in zip(refs, resolved) where !commit {
            throw unknown(ref)
        }
    }

    /// Fails naming the first ref of `revisions` that names no commit by its spelling alone, asking
    /// git nothing: one that starts with `-` would be read as an option, one with a line break as
    /// two names. A scan may start on revisions that passed this while `check` asks git the rest.
    public func checkSpelling(of revisions: GitRevisions) throws(KeysweepError) {
        if let ref = revisions.namedRefs.first(where: { !Self.isSpelledAsRef($0) }) { throw unknown(ref) }
    }

    private static func isSpelledAsRef(_ ref: String) -> Bool {
        !ref.hasPrefix("-") && !ref.contains(where: \.isNewline)
    }

    private func unknown(_ ref: String) -> KeysweepError {
        KeysweepError(.unknownRevision, path: path, "no branch or commit '\(ref)'",
                      remedy: "list them with `git -C \(path) branch --all` and `git -C \(path) tag`")
    }

    /// Whether any ref reaches a commit: a repository just made by `git init` has none.
    public var hasCommits: Bool {
        guard let output = try? GitProcess.output(repository: path, ["rev-list", "--all", "--max-count=1"]) else { return true }
        return !output.isEmpty
    }

    /// Whether each of `refs` (spelled as refs) names a commit, asked of one
    /// `git cat-file --batch-check`: a range names two refs, and each git start costs a pre-commit
    /// or CI run some milliseconds.
    private func commits(named refs: [String]) -> [Bool] {
        let asked = refs
        var answers: [String: Bool] = [:]
        if !asked.isEmpty, let git = try? GitProcess(repository: path, arguments: ["cat-file", "--batch-check=%(objecttype)"], feedsInput: true) {
            git.write(Array(asked.map { "\($0)^{commit}\n" }.joined().utf8))
            git.closeInput()
            // One line each: the type, or `<name> missing` (`ambiguous`) for what names nothing.
            // git stops at a name it cannot even look up (`@{u}` without an upstream): the refs
            // left unanswered are asked one by one below.
            let lines = String(decoding: git.output.readToEnd(), as: UTF8.self).split(separator: "\n")
            try? git.finish()
            for (ref, line) in zip(asked, lines) { answers[ref] = line == "commit" }
        }
        return refs.map { ref in
            if let known = answers[ref] { return known }
            return (try? GitProcess.output(repository: path, ["rev-parse", "--verify", "--quiet", "\(ref)^{commit}"])) != nil
        }
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
