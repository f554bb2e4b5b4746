/// What to scan.
public enum ScanInput: Sendable, Equatable {
    /// Files and folders.
    case paths([String])
    /// Standard input, as one blob.
    case standardInput
    /// The history of a repository (bare or not).
    case history(repository: String, revisions: GitRevisions)
    /// The lines a repository's index adds relative to HEAD.
    case staged(repository: String)
    /// A `git cat-file --batch` or `git fast-export` dump file (`-` for standard input).
    case dump(String)
}

/// Everything a scan command was asked to do, after argument parsing.
public struct ScanRequest: Sendable {
    public var input: ScanInput
    public var options: ScanOptions
    /// Rule files or folders added to (or overriding) the builtin rules.
    public var rulePaths: [String]
    public var format: ReportFormat
    /// `-` for standard output.
    public var output: String
    public var showSecrets: Bool
    public var includeTiming: Bool

    public init(input: ScanInput, options: ScanOptions, rulePaths: [String] = [], format: ReportFormat = .json,
                output: String = "-", showSecrets: Bool = false, includeTiming: Bool = true) {
        self.input = input
        self.options = options
        self.rulePaths = rulePaths
        self.format = format
        self.output = output
        self.showSecrets = showSecrets
        self.includeTiming = includeTiming
    }
}
