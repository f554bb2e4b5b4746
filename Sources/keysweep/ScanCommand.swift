import ArgumentParser
import KeysweepKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `keysweep scan [PATH ...]`: scan files and folders (or `-`, standard input).
struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Scan files and folders for secrets (the current folder by default; '-' reads standard input)."
    )

    @Argument(help: "Files or folders to scan; '-' for standard input.")
    var paths: [String] = ["."]

    @Option(help: "Report format: text, json or jsonl (default: text on a terminal, else json; or from the --output extension).")
    var format: String?

    @Option(name: [.short, .long], help: "Write the report to this file ('-' for standard output). Written atomically.")
    var output: String = "-"

    @Option(help: "Worker threads (default: active processor count).")
    var threads: Int?

    @Option(help: "Skip files larger than this many bytes.")
    var maxFileSize: Int = 10 * 1024 * 1024

    @Option(help: "Scan only files matching this glob (repeatable).")
    var include: [String] = []

    @Option(help: "Skip files and folders matching this glob (repeatable).")
    var exclude: [String] = []

    @Flag(help: "Follow symbolic links (each folder is still scanned once).")
    var followSymlinks = false

    @Option(help: "A rule file or folder of *.yml rules to add to the builtin rules (repeatable; same id overrides).")
    var rules: [String] = []

    @Flag(help: "Show secrets in full instead of redacted.")
    var showSecrets = false

    @Option(help: "Exit code when there are findings.")
    var exitCode: Int32 = 1

    @Flag(help: "Leave the scan duration out of the report, so that the same input gives the same bytes.")
    var noTiming = false

    @Flag(name: [.short, .long], help: "Say more on standard error (rule count, JIT, every warning).")
    var verbose = false

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
        if maxFileSize < 1 { throw ValidationError("--max-file-size must be positive") }
        if let format, ReportFormat(rawValue: format) == nil {
            throw ValidationError("unknown --format '\(format)' (expected text, json or jsonl)")
        }
        if paths.contains("-") && paths.count > 1 { throw ValidationError("'-' (standard input) cannot be combined with other paths") }
    }

    func run() throws {
        let request = ScanRequest(
            roots: paths,
            options: ScanOptions(
                threads: threads ?? ProcessorCount.active,
                maxFileSize: maxFileSize,
                followSymlinks: followSymlinks,
                include: try globs(include, option: "--include"),
                exclude: try globs(exclude, option: "--exclude")
            ),
            rulePaths: rules,
            format: resolvedFormat(),
            output: output,
            showSecrets: showSecrets,
            includeTiming: !noTiming
        )
        let report = try ScanSession.run(request)
        reportDiagnostics(report)
        if !report.findings.isEmpty { throw ExitCode(exitCode) }
    }

    private func resolvedFormat() -> ReportFormat {
        if let format, let chosen = ReportFormat(rawValue: format) { return chosen }
        if output != "-" { return ReportFormat(fileExtensionOf: output) ?? .json }
        return isatty(STDOUT_FILENO) == 1 ? .text : .json
    }

    private func globs(_ texts: [String], option: String) throws -> [Glob] {
        do {
            return try texts.map { text throws(GlobError) in try Glob(text) }
        } catch {
            throw ValidationError("\(option): \(error)")
        }
    }

    /// Warnings go to standard error: all of them with --verbose, else the first few and a count.
    private func reportDiagnostics(_ report: ScanReport) {
        let statistics = report.statistics
        let shown = verbose ? statistics.warnings.count : 10
        for warning in statistics.warnings.prefix(shown) {
            Diagnostics.warning("\(warning.path): \(warning.message)")
        }
        if statistics.warnings.count > shown {
            Diagnostics.warning("\(statistics.warnings.count - shown) more warnings (see the report's scan.warnings, or use --verbose)")
        }
        for hit in statistics.limitHits {
            Diagnostics.warning("rule '\(hit.ruleID)' gave up on '\(hit.path)': \(hit.message)")
        }
        if verbose {
            Diagnostics.note("\(report.ruleCount) rules; PCRE2 JIT \(RuleSet.jitAvailable ? "on" : "unavailable, using the interpreter"); \(statistics.threads) threads; \(statistics.filesScanned) files, \(statistics.bytesScanned) bytes in \(statistics.durationMilliseconds) ms")
        }
    }
}
