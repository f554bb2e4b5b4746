import Foundation

/// What to scan.
public enum ScanInput: Sendable, Equatable {
    /// Files and folders.
    case paths([String])
    /// Standard input, as one blob.
    case standardInput
    /// The history of a repository (bare or not), and with `workingTree` its checked-out files too.
    case history(repository: String, revisions: GitRevisions, workingTree: Bool = false)
    /// The lines a repository's index adds relative to HEAD.
    case staged(repository: String)
    /// A `git cat-file --batch` or `git fast-export` dump file (`-` for standard input).
    case dump(String)
    /// A container image: a `docker save` / `podman save` tarball or an OCI image layout folder.
    case image(String)

    /// The absolute folder that report paths are relative to.
    var sourceRoot: String {
        let current = FileManager.default.currentDirectoryPath
        switch self {
        case .paths, .standardInput, .dump, .image: return current
        case .history(let repository, _, _), .staged(let repository):
            return URL(fileURLWithPath: repository, relativeTo: URL(fileURLWithPath: current, isDirectory: true)).standardizedFileURL.path
        }
    }

    /// What the enrichment may read to learn about findings.
    var workspace: Workspace.Kind {
        switch self {
        case .paths: .folders
        case .standardInput, .dump, .image: .detached
        case .history(let repository, _, _): .repository(repository)
        case .staged(let repository): .workTree(repository)
        }
    }

    /// The input as warnings name it.
    var displayName: String {
        switch self {
        case .paths(let roots): roots.joined(separator: " ")
        case .standardInput, .dump("-"): "<stdin>"
        case .dump(let path), .image(let path): path
        case .history(let repository, _, _), .staged(let repository): repository
        }
    }

    /// Where to start looking for `.keysweep.yml`.
    var configSearchStart: String {
        switch self {
        case .paths(let roots): roots.first ?? "."
        case .standardInput, .dump, .image: "."
        case .history(let repository, _, _), .staged(let repository): repository
        }
    }
}

/// Which project config a scan uses.
public enum ConfigChoice: Sendable, Equatable {
    /// The nearest `.keysweep.yml` in the scan root or a folder above it.
    case discover
    case file(String)
    case none
}

/// Which baseline hides known findings.
public enum BaselineChoice: Sendable, Equatable {
    /// The config's `baseline:`, if it names one.
    case fromConfig
    case file(String)
    /// None at all: what `baseline create` and `update` need, to record everything found now.
    case none
}

/// Everything a scan command was asked to do, after argument parsing.
public struct ScanRequest: Sendable {
    public var input: ScanInput
    public var threads: Int
    /// Nil: the config's `max_file_size`, else 10 MiB.
    public var maxFileSize: Int?
    public var followSymlinks = false
    /// How deep archives are opened (`--archive-depth`; 0: not at all).
    public var archiveDepth = ArchiveLimits().depth
    public var include: [Glob] = []
    public var exclude: [Glob] = []
    /// Rule files or folders added to (or overriding) the builtin rules.
    public var rulePaths: [String] = []
    public var format: ReportFormat = .json
    /// `-` for standard output.
    public var output = "-"
    /// More reports of the same scan (`--report sarif:out.sarif`), written after the main one.
    public var extraReports: [(format: ReportFormat, path: String)] = []
    public var showSecrets = false
    /// Colour in the text report written to `output` (never in `extraReports`: those are files).
    public var colour = false
    public var includeTiming = true
    public var config: ConfigChoice = .discover
    public var baseline: BaselineChoice = .fromConfig
    /// `--fingerprint-key-file`: the first source of the fingerprint key (see `FingerprintKey.resolve`).
    public var fingerprintKeyFile: String?
    /// The environment's `KEYSWEEP_FINGERPRINT_KEY`, as the executable read it.
    public var fingerprintKeyFromEnvironment: String?
    /// False shows everything suppressions would hide (inline comments, allowlists, baseline).
    public var suppress = true
    /// Where the scan tells how far it has come (`ProgressDisplay` shows it on a terminal).
    public var progress: ScanProgress?
    /// Time each rule's pattern and keep the costs in the statistics (`--rule-stats`).
    public var measuresRules = false
    /// Run every pattern over whole blobs (`--whole-blobs`: to check that matching near keywords
    /// finds the same).
    public var matchesWholeBlobs = false
    /// Locations in these contexts are left out (`--exclude-context`), and findings with no other.
    public var excludedContexts: Set<LocationContext> = []
    /// The exit code when there are findings (`--exit-code`).
    public var findingsExitCode: Int = 1
    /// The clock for ages and expiry (`--now`); nil: the time of the scan.
    public var now: Timestamp?
    public var policy = Enrichment.Policy()
    /// Ask git which branches hold each secret (the inventory does).
    public var resolveBranches = false
    /// Set on every location: the input's name when an inventory covers several.
    public var repositoryLabel: String?

    public init(input: ScanInput, threads: Int) {
        self.input = input
        self.threads = threads
    }

    public static let defaultMaxFileSize = 10 * 1024 * 1024
}
