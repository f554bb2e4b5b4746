import ArgumentParser
import KeysweepKit

/// `keysweep explain RULE|FINGERPRINT`: what a rule finds, why it matters and how to rotate it;
/// for a fingerprint, also the finding a report, a baseline or a scan of the current folder holds.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a rule, or a finding by its fingerprint: what it finds, why it matters, how to rotate it.",
        discussion: """
        A fingerprint (or its first 6 or more hex digits) is looked up in the JSON report or baseline given with --in; \
        without --in, the current folder is scanned as 'keysweep scan' would, suppressions off. Fingerprints are keyed: \
        give the same fingerprint key as the scan that printed it.
        """
    )

    @Argument(help: ArgumentHelp("A rule id (see 'keysweep rules list') or a finding's fingerprint.", valueName: "rule-or-fingerprint"))
    var subject: String

    @Option(name: .customLong("in"), help: ArgumentHelp("A JSON report or a baseline to find the fingerprint in.", valueName: "file"))
    var source: String?

    @OptionGroup var engine: EngineOptions

    func run() throws {
        var rules = RuleLoader.builtinRules(withExamples: true)
        for path in engine.rules {
            do {
                rules = RuleLoader.merge(rules, overriddenBy: try RuleLoader.rules(at: path))
            } catch {
                throw KeysweepError(.invalidRules, "invalid rules: \(error)", underlying: error)
            }
        }
        if let rule = rules.first(where: { $0.id == subject }) {
            print(RuleExplanation.text(for: rule), terminator: "")
            return
        }
        guard RecordedFinding.isFingerprint(subject) else {
            let near = rules.map(\.id).filter { $0.contains(subject.lowercased()) }.prefix(5)
            throw KeysweepError(.notFound, path: subject, "it is neither a rule id nor a fingerprint (6 to 32 hex digits)",
                                remedy: near.isEmpty ? "list the rules with `keysweep rules list`" : "did you mean " + near.joined(separator: ", ") + "?")
        }
        let (findings, name) = try recordedFindings()
        let finding = try RecordedFinding.find(subject, in: findings, source: name)
        guard let rule = rules.first(where: { $0.id == finding.ruleID }) else {
            throw KeysweepError(.notFound, path: name, "its finding \(finding.fingerprint) names the rule '\(finding.ruleID)', which this keysweep does not have",
                                remedy: "add the rule with --rules")
        }
        var lines = ["finding \(finding.fingerprint) in \(name)", "  secret       \(finding.secret)"]
        for (index, location) in finding.locations.enumerated() { lines.append((index == 0 ? "  found at     " : "               ") + location) }
        print(Diagnostics.printable(lines.joined(separator: "\n")) + "\n")
        print(RuleExplanation.text(for: rule), terminator: "")
    }

    /// The findings of `--in`, else of a scan of the current folder with nothing suppressed.
    private func recordedFindings() throws -> (findings: [RecordedFinding], name: String) {
        if let source { return (try RecordedFinding.all(in: source), source) }
        var request = engine.request(.paths(["."]))
        request.suppress = false
        let (report, _) = try ScanSession.report(for: request)
        let redaction = Redaction(showSecrets: false)
        return (report.findings.map { finding in
            RecordedFinding(fingerprint: finding.fingerprint, ruleID: finding.rule.id, secret: redaction.display(finding.secret, rule: finding.rule),
                            locations: finding.locations.map { "\($0.path):\($0.start.line):\($0.start.column)" })
        }, "a scan of the current folder")
    }
}
