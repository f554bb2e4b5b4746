/// Everything the `scan` command was asked to do, after argument parsing.
public struct ScanRequest: Sendable {
    /// Files and folders to scan; `-` reads standard input.
    public var roots: [String]
    public var options: ScanOptions
    /// Rule files or folders added to (or overriding) the builtin rules.
    public var rulePaths: [String]
    public var format: ReportFormat
    /// `-` for standard output.
    public var output: String
    public var showSecrets: Bool
    public var includeTiming: Bool

    public init(roots: [String], options: ScanOptions, rulePaths: [String] = [], format: ReportFormat = .json,
                output: String = "-", showSecrets: Bool = false, includeTiming: Bool = true) {
        self.roots = roots
        self.options = options
        self.rulePaths = rulePaths
        self.format = format
        self.output = output
        self.showSecrets = showSecrets
        self.includeTiming = includeTiming
    }
}
