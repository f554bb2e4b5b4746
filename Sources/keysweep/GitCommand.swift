import ArgumentParser
import KeysweepKit

/// `keysweep git [REPO]`: scan the history of a repository, or its staged change.
struct GitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "git",
        abstract: "Scan every blob of a repository's history once (all refs by default), with commit provenance."
    )

    @Argument(help: "The repository, bare or not.")
    var repository: String = "."

    @Flag(help: "Scan everything reachable from every ref: branches, tags, remotes, stash (the default).")
    var all = false

    @Option(help: "Scan only what the commits after REF (up to HEAD) introduced.")
    var since: String?

    @Option(help: "Scan only what the commits of the range A..B introduced.")
    var range: String?

    @Option(help: "Scan only the commits reachable from this branch.")
    var branch: String?

    @Flag(help: "Scan only the lines the index adds relative to HEAD (for pre-commit hooks).")
    var staged = false

    @Flag(help: "Scan the checked-out files too: a secret in the tree and in history is one finding.")
    var worktree = false

    @OptionGroup var common: CommonOptions

    func validate() throws {
        let chosen = [all, since != nil, range != nil, branch != nil, staged].filter { $0 }.count
        if chosen > 1 { throw ValidationError("choose one of --all, --since, --range, --branch and --staged") }
        if let range, !range.contains("..") { throw ValidationError("--range takes A..B, not '\(range)'") }
        if worktree && staged { throw ValidationError("--worktree does not apply to --staged") }
    }

    func run() throws {
        let input: ScanInput
        if staged {
            input = .staged(repository: repository)
        } else if let since {
            input = .history(repository: repository, revisions: .since(since), workingTree: worktree)
        } else if let range {
            input = .history(repository: repository, revisions: .range(range), workingTree: worktree)
        } else if let branch {
            input = .history(repository: repository, revisions: .branch(branch), workingTree: worktree)
        } else {
            input = .history(repository: repository, revisions: .all, workingTree: worktree)
        }
        try common.run(common.request(input))
    }
}

/// `keysweep staged [REPO]`: the same as `keysweep git --staged`.
struct StagedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staged",
        abstract: "Scan the lines staged for commit (alias of 'git --staged'); instant, for pre-commit hooks."
    )

    @Argument(help: "The repository.")
    var repository: String = "."

    @OptionGroup var common: CommonOptions

    func run() throws {
        try common.run(common.request(.staged(repository: repository)))
    }
}
