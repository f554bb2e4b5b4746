#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs one scan command end to end: config, rules, input, matching, findings, suppressions, report.
public enum ScanSession {
    /// Builtin rules plus those at `paths`, compiled.
    public static func ruleSet(extraRulePaths paths: [String], config: ProjectConfig? = nil,
                               phase: (String) -> Void = { _ in }) throws(KeysweepError) -> RuleSet {
        var rules = RuleLoader.builtinRules(withExamples: false)
        do {
            for path in (config?.rulePaths ?? []) + paths {
                rules = RuleLoader.merge(rules, overriddenBy: try RuleLoader.rules(at: path))
            }
        } catch {
            throw KeysweepError("invalid rules: \(error)")
        }
        if let config { rules = try config.apply(to: rules) }
        phase("rules")
        do {
            return try RuleSet(rules, lazily: true)
        } catch {
            throw KeysweepError("invalid rules: \(error)")
        }
    }

    /// The project config the request asks for, if any.
    public static func config(for request: ScanRequest) throws(KeysweepError) -> ProjectConfig? {
        switch request.config {
        case .none: return nil
        case .file(let path): return try ProjectConfig(path: path)
        case .discover: return try ProjectConfig.discover(from: request.input.configSearchStart).map { path throws(KeysweepError) in try ProjectConfig(path: path) }
        }
    }

    /// The file-size limit: the command line's (or the default), lowered by the config if it asks.
    /// A scanned repository writes its own config, so it may lower the limit but never raise it.
    static func maxFileSize(commandLine: Int?, config: Int?) -> Int {
        let ceiling = commandLine ?? ScanRequest.defaultMaxFileSize
        return min(ceiling, config ?? ceiling)
    }

    /// Scans and builds the report, without writing it (for `baseline` and for `run`).
    public static func report(for request: ScanRequest) throws(KeysweepError) -> (report: ScanReport, damage: KeysweepError?) {
        var clock = ContinuousClock.now
        var phases: [(name: String, milliseconds: Int)] = []
        func phase(_ name: String) {
            phases.append((name, DirectoryScanner.milliseconds(since: clock)))
            clock = ContinuousClock.now
        }
        let config = try config(for: request)
        let key = try FingerprintKey.resolve(file: request.fingerprintKeyFile, environment: request.fingerprintKeyFromEnvironment, config: config)
        phase("config")
        let ruleSet = try ruleSet(extraRulePaths: request.rulePaths, config: config, phase: phase)
        phase("compile")
        let options = ScanOptions(
            threads: request.threads,
            maxFileSize: Self.maxFileSize(commandLine: request.maxFileSize, config: config?.maxFileSize),
            followSymlinks: request.followSymlinks,
            include: request.include,
            exclude: request.exclude + (config?.exclude ?? []),
            suppress: request.suppress
        )
        let result = try scan(request.input, ruleSet: ruleSet, options: options)
        phase("scan")
        let rules = ruleSet.rules.map(\.rule)
        var statistics = result.statistics
        var matches = result.matches
        if let label = request.repositoryLabel {
            for index in matches.indices { matches[index].location.repository = label }
        }
        var findings = FindingGrouper.group(matches, rules: rules, key: key, secretsAtHead: result.secretsAtHead)
        if request.suppress {
            let baselinePath: String?
            switch request.baseline {
            case .fromConfig: baselinePath = config?.baseline
            case .file(let path): baselinePath = path
            case .none: baselinePath = nil
            }
            let baseline = try baselinePath.map { path throws(KeysweepError) in try Baseline(path: path) }
            try baseline?.check(against: key)
            findings = SuppressionFilter(config: config, baseline: baseline).apply(to: findings, statistics: &statistics)
        }
        phase("findings")
        let now = request.now ?? Timestamp.current
        var enricher = Enricher(now: now, policy: request.policy)
        enricher.resolveBranches = request.resolveBranches
        findings = enricher.enrich(findings, in: request.input.workspace, threads: request.threads)
        phase("enrich")
        var report = ScanReport(
            findings: findings,
            statistics: statistics,
            ruleCount: rules.count,
            redaction: Redaction(showSecrets: request.showSecrets),
            includeTiming: request.includeTiming
        )
        report.findingsExitCode = request.findingsExitCode
        report.sourceRoot = request.input.sourceRoot
        report.now = now
        report.clockFixed = request.now != nil
        report.phases = phases
        report.fingerprintKey = key
        if let damage = result.damage {
            report.incomplete = [damage.message]
            report.statistics.warnings.append(ScanWarning(path: request.input.displayName, reason: .unreadable, message: damage.message))
            report.statistics.normalize()
        }
        return (report, result.damage)
    }

    /// Scans, writes the report, and returns it (for the exit code and the warnings). Damage to the
    /// input (a truncated dump) is thrown after the report of what was read is written; that
    /// report says it is incomplete and why.
    public static func run(_ request: ScanRequest) throws(KeysweepError) -> ScanReport {
        let (report, damage) = try report(for: request)
        do {
            for (format, path) in [(request.format, request.output)] + request.extraReports {
                try ReportWriter.write(format.reporter.render(report), to: path)
            }
        } catch {
            throw KeysweepError(error.description)
        }
        if let damage { throw damage }
        return report
    }

    private static func scan(_ input: ScanInput, ruleSet: RuleSet, options: ScanOptions) throws(KeysweepError) -> ScanResult {
        switch input {
        case .standardInput:
            return DirectoryScanner(ruleSet: ruleSet, options: options).scanStandardInput()
        case .paths(let roots):
            for root in roots {
                var info = stat()
                guard stat(root, &info) == 0 else {
                    throw KeysweepError("cannot scan '\(root)': \(String(cString: strerror(errno)))")
                }
            }
            return DirectoryScanner(ruleSet: ruleSet, options: options).scan(roots: roots)
        case .history(let path, let revisions, let workingTree):
            var result = try HistoryScanner(ruleSet: ruleSet, options: options).scan(GitRepository(path: path), revisions: revisions)
            if workingTree {
                // Same secret in the tree and in history: one finding, since fingerprints ignore where.
                let files = DirectoryScanner(ruleSet: ruleSet, options: options).scan(roots: [path])
                let prefix = path == "." ? "" : (path.hasSuffix("/") ? path : path + "/")
                result.matches += files.matches.map { match in
                    var relative = match
                    if relative.location.path.hasPrefix(prefix) { relative.location.path.removeFirst(prefix.count) }
                    return relative
                }
                result.statistics.merge(files.statistics)
                result.statistics.normalize()
            }
            return result
        case .staged(let path):
            return try StagedScanner(ruleSet: ruleSet, suppress: options.suppress).scan(GitRepository(path: path))
        case .dump(let path):
            return try DumpScanner(ruleSet: ruleSet, options: options).scan(path: path)
        }
    }
}
