#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs one `scan` command end to end: rules, inputs, matching, findings, report.
public enum ScanSession {
    /// Builtin rules plus those at `paths`, compiled.
    public static func ruleSet(extraRulePaths paths: [String]) throws(KeysweepError) -> RuleSet {
        var rules = RuleLoader.builtinRules()
        do {
            for path in paths { rules = RuleLoader.merge(rules, overriddenBy: try RuleLoader.rules(at: path)) }
            return try RuleSet(rules)
        } catch {
            throw KeysweepError("invalid rules: \(error)")
        }
    }

    /// Scans, writes the report, and returns it (for the exit code and the warnings).
    public static func run(_ request: ScanRequest) throws(KeysweepError) -> ScanReport {
        let ruleSet = try ruleSet(extraRulePaths: request.rulePaths)
        let result = try scan(request.input, ruleSet: ruleSet, options: request.options)
        let rules = ruleSet.rules.map(\.rule)
        let report = ScanReport(
            findings: FindingGrouper.group(result.matches, rules: rules, secretsAtHead: result.secretsAtHead),
            statistics: result.statistics,
            ruleCount: rules.count,
            redaction: Redaction(showSecrets: request.showSecrets),
            includeTiming: request.includeTiming
        )
        do {
            try ReportWriter.write(request.format.reporter.render(report), to: request.output)
        } catch {
            throw KeysweepError(error.description)
        }
        if let damage = result.damage { throw damage }
        return report
    }

    private static func scan(_ input: ScanInput, ruleSet: RuleSet, options: ScanOptions) throws(KeysweepError) -> ScanResult {
        switch input {
        case .standardInput:
            return DirectoryScanner(ruleSet: ruleSet, options: options).scan(bytes: StandardInput.readAll(), name: "<stdin>")
        case .paths(let roots):
            for root in roots {
                var info = stat()
                guard stat(root, &info) == 0 else {
                    throw KeysweepError("cannot scan '\(root)': \(String(cString: strerror(errno)))")
                }
            }
            return DirectoryScanner(ruleSet: ruleSet, options: options).scan(roots: roots)
        case .history(let path, let revisions):
            return try HistoryScanner(ruleSet: ruleSet, options: options).scan(GitRepository(path: path), revisions: revisions)
        case .staged(let path):
            return try StagedScanner(ruleSet: ruleSet).scan(GitRepository(path: path))
        case .dump(let path):
            return try DumpScanner(ruleSet: ruleSet, options: options).scan(path: path)
        }
    }
}
