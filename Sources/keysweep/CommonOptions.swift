import ArgumentParser
import Foundation
import KeysweepKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Options every scanning command shares: the engine's, then the report's and the exit code.
struct CommonOptions: ParsableArguments {
    @OptionGroup var engine: EngineOptions
    @OptionGroup var clock: ClockOptions

    @Option(help: ArgumentHelp("Report format: \(ReportFormat.names) (default: the --output file's extension, else text on a terminal, else json).", valueName: "format"))
    var format: String?

    @Option(name: [.short, .long], help: "Write the report to this file ('-' for standard output). Written atomically.")
    var output: String = "-"

    @Option(help: "Report only findings that are not in this baseline file (default: the config's baseline).")
    var baseline: String?

    @Flag(help: "Show what inline comments, allowlists, stopwords and the baseline would hide.")
    var noSuppress = false

    @Option(help: ArgumentHelp("Also write a report as FORMAT:PATH, or PATH with the format from its extension as for --output (repeatable), e.g. sarif:out.sarif or out.sarif, so that CI scans once.", valueName: "format:path"))
    var report: [String] = []

    @Flag(help: "Show secrets in full instead of redacted.")
    var showSecrets = false

    @Option(help: "Colour in the text report: auto (on a terminal, unless NO_COLOR is set or TERM is dumb), always or never.")
    var color: String = "auto"

    /// Read with `.unconditional` so that `--exit-code -1` is refused with a reason, not "Missing value".
    @Option(parsing: .unconditional, help: "Exit code when there are findings: 0, 1 or 3-255 (2 means an error).")
    var exitCode: Int32 = 1

    @Flag(help: "Leave the scan duration out of the report, so that the same input gives the same bytes.")
    var noTiming = false

    func validate() throws {
        for entry in report {
            guard let (_, path) = Self.parseReport(entry), !path.isEmpty else {
                throw ValidationError("--report takes FORMAT:PATH with FORMAT \(ReportFormat.names), or a PATH ending in "
                                      + ".json, .jsonl, .sarif or .txt, not '\(entry)'")
            }
        }
        guard ["auto", "always", "never"].contains(color) else {
            throw ValidationError("--color takes auto, always or never, not '\(color)'")
        }
        if let format, ReportFormat(rawValue: format) == nil {
            throw ValidationError("unknown --format '\(format)' (expected \(ReportFormat.names))")
        }
        // A process exit status is one byte (300 would exit 44), and 2 is Keysweep's error code.
        if !(0...255).contains(exitCode) || exitCode == 2 {
            throw ValidationError("--exit-code must be 0, 1 or 3-255 (2 means a usage or input error), not \(exitCode)")
        }
    }

    func request(_ input: ScanInput, include: [Glob] = [], exclude: [Glob] = [], followSymlinks: Bool = false) -> ScanRequest {
        var request = engine.request(input)
        request.followSymlinks = followSymlinks
        request.include = include
        request.exclude = exclude
        request.format = resolvedFormat()
        request.output = output
        request.extraReports = report.compactMap(Self.parseReport)
        request.showSecrets = showSecrets
        request.colour = usesColour()
        request.includeTiming = !noTiming
        request.baseline = baseline.map { .file($0) } ?? .fromConfig
        request.suppress = !noSuppress
        request.findingsExitCode = Int(exitCode)
        request.now = clock.timestamp
        request.policy = clock.policy
        return request
    }

    /// Runs the scan, prints diagnostics, and exits with `--exit-code` when there are findings.
    func run(_ request: ScanRequest) throws {
        var request = request
        let progress = ScanProgress()
        request.progress = progress
        let noun: String
        switch request.input {
        case .history, .dump: noun = "blobs"
        case .paths, .standardInput, .staged, .image: noun = "files"
        }
        let display = ProgressDisplay.start(for: progress, counting: noun, quiet: engine.quiet)
        defer { display?.stop() }
        let report = try ScanSession.run(request)
        reportDiagnostics(report)
        if !report.findings.isEmpty { throw ExitCode(exitCode) }
    }

    /// `FORMAT:PATH`, or a `PATH` whose extension names the format (as `--output` infers it).
    static func parseReport(_ entry: String) -> (format: ReportFormat, path: String)? {
        if let colon = entry.firstIndex(of: ":"), let format = ReportFormat(rawValue: String(entry[..<colon])) {
            return (format, String(entry[entry.index(after: colon)...]))
        }
        return ReportFormat(fileExtensionOf: entry).map { ($0, entry) }
    }

    /// `--color`, and for `auto` what a terminal wants (https://no-color.org: any non-empty
    /// `NO_COLOR` turns colour off).
    private func usesColour() -> Bool {
        switch color {
        case "always": return true
        case "never": return false
        default:
            let environment = ProcessInfo.processInfo.environment
            return output == "-" && isatty(STDOUT_FILENO) == 1 && (environment["NO_COLOR"] ?? "").isEmpty
                && environment["TERM"] != "dumb"
        }
    }

    private func resolvedFormat() -> ReportFormat {
        if let format, let chosen = ReportFormat(rawValue: format) { return chosen }
        if output != "-" { return ReportFormat(fileExtensionOf: output) ?? .json }
        return isatty(STDOUT_FILENO) == 1 ? .text : .json
    }

    func reportDiagnostics(_ report: ScanReport) {
        engine.reportDiagnostics(report)
    }
}

/// How the scan runs: workers, size limit, rules, project config, verbosity.
struct EngineOptions: ParsableArguments {
    // `.unconditional` here and below: `--threads -1` is a value to refuse, not a missing one.
    @Option(parsing: .unconditional, help: "Worker threads (default: active processor count).")
    var threads: Int?

    @Option(parsing: .unconditional, help: "Skip files and blobs larger than this many bytes (default 10 MiB; a config's max_file_size may lower it, never raise it).")
    var maxFileSize: Int?

    @Option(parsing: .unconditional, help: "Open archives (zip, jar, whl, tar, tar.gz, .gz, ...) nested up to this deep and scan their members; 0 leaves archives unopened (default 8).")
    var archiveDepth: Int?

    @Option(help: "A rule file or folder of *.yml rules to add to the builtin rules (repeatable; same id overrides).")
    var rules: [String] = []

    @Option(help: "Use this project config instead of the nearest .keysweep.yml.")
    var config: String?

    @Flag(help: "Ignore any .keysweep.yml.")
    var noConfig = false

    @Option(help: ArgumentHelp("The fingerprint key: fingerprints are HMACs under it, so that a report alone cannot confirm a guessed secret (default: $KEYSWEEP_FINGERPRINT_KEY, else the config's fingerprint_key_file or fingerprint_key, else a builtin key).", valueName: "file"))
    var fingerprintKeyFile: String?

    @Option(help: ArgumentHelp("Leave out locations in these contexts, comma-separated: test, fixture, docs, example, source (repeatable); a finding with no other location is left out and counted as suppressed.", valueName: "contexts"))
    var excludeContext: [String] = []

    @Flag(name: [.short, .long], help: "Say more on standard error (rule count, JIT, every warning, time per phase, rejections per rule).")
    var verbose = false

    @Flag(name: [.short, .long], help: "Print nothing on standard error but errors (the report is still written as asked).")
    var quiet = false

    @Flag(help: "Time each rule's pattern and print the costliest on standard error after the scan.")
    var ruleStats = false

    @Flag(help: "Run every pattern over whole files and blobs, not only near its keywords (slower; the same findings).")
    var wholeBlobs = false

    func validate() throws {
        if verbose && quiet { throw ValidationError("--verbose and --quiet exclude each other") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, not \(threads)") }
        if let archiveDepth, archiveDepth < 0 { throw ValidationError("--archive-depth must be 0 or more, not \(archiveDepth)") }
        if let maxFileSize, maxFileSize < 1 { throw ValidationError("--max-file-size must be a positive number of bytes, not \(maxFileSize)") }
        if config != nil && noConfig { throw ValidationError("--config and --no-config exclude each other") }
        for name in excludedContextNames where LocationContext(rawValue: name) == nil {
            throw ValidationError("--exclude-context takes test, fixture, docs, example or source, not '\(name)'")
        }
    }

    private var excludedContextNames: [String] {
        excludeContext.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
    }

    func request(_ input: ScanInput) -> ScanRequest {
        var request = ScanRequest(input: input, threads: threads ?? ProcessorCount.active)
        request.maxFileSize = maxFileSize
        if let archiveDepth { request.archiveDepth = archiveDepth }
        request.rulePaths = rules
        request.config = noConfig ? .none : config.map { .file($0) } ?? .discover
        request.fingerprintKeyFile = fingerprintKeyFile
        request.excludedContexts = Set(excludedContextNames.compactMap(LocationContext.init(rawValue:)))
        request.fingerprintKeyFromEnvironment = ProcessInfo.processInfo.environment[FingerprintKey.environmentVariable]
        request.measuresRules = ruleStats
        request.matchesWholeBlobs = wholeBlobs
        return request
    }

    /// Warnings go to standard error: all of them with --verbose, else the first few and a count.
    func reportDiagnostics(_ report: ScanReport) {
        guard !quiet else { return }
        let statistics = report.statistics
        let shown = verbose ? statistics.warnings.count : 10
        for warning in statistics.warnings.prefix(shown) {
            Diagnostics.warning("\(warning.path): \(warning.message)")
        }
        if statistics.warnings.count > shown {
            Diagnostics.warning("\(statistics.warnings.count - shown) more warnings (see the report's scan.warnings, or use --verbose)")
        }
        for note in report.notes {
            switch note.level {
            case .note: Diagnostics.note(note.message)
            case .warning: Diagnostics.warning(note.message)
            }
        }
        for hit in statistics.limitHits {
            Diagnostics.warning("rule '\(hit.ruleID)' gave up on '\(hit.path)': \(hit.message)")
        }
        if ruleStats { Diagnostics.write(RuleCostTable(report.statistics.ruleCosts).text) }
        if verbose {
            let jit = RuleSet.jitAvailable ? "on" : "unavailable, using the interpreter"
            Diagnostics.note("\(report.ruleCount) rules; PCRE2 JIT \(jit); \(statistics.threads) threads; \(statistics.filesScanned) files, \(statistics.bytesScanned) bytes in \(statistics.durationMilliseconds) ms")
            Diagnostics.note("time per phase: " + report.phases.map { "\($0.name) \($0.milliseconds) ms" }.joined(separator: ", "))
            if statistics.packBytesRebuilt > 0 {
                let share = Double(statistics.packBytesWalked) * 100 / Double(statistics.packBytesRebuilt)
                Diagnostics.note("packs: \(statistics.packBytesRebuilt) bytes of blobs rebuilt, \(statistics.packBytesWalked) walked for keywords ("
                                 + String(format: "%.1f%%", share) + "); the other hits carried through deltas")
            }
            if !statistics.rejectedByValidator.isEmpty {
                Diagnostics.note("rejected by validators (look-alikes): " + statistics.rejectedByValidator.sorted { $0.key < $1.key }
                    .map { "\($0.key) \($0.value)" }.joined(separator: ", "))
            }
        }
    }
}
