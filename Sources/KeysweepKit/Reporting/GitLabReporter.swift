/// GitLab's secret-detection report (`gl-secret-detection-report.json`, schema 15.0.7, vendored
/// in `schemas/`), which a job publishes as `artifacts: reports: secret_detection:` so that the
/// merge-request widget and the vulnerability report show the findings.
///
/// One vulnerability per location, as GitLab's own analyzer writes them: GitLab tracks and
/// dismisses each place on its own. The id is derived from the location fingerprint (and the
/// commit), in UUID form, so a place keeps its vulnerability across pipelines. The secret is redacted in the description and never
/// written as `raw_source_code_extract`.
public struct GitLabReporter: Reporter {
    public static let schemaVersion = "15.0.7"
    public static let schemaURI = "https://gitlab.com/gitlab-org/security-products/security-report-schemas/-/raw/v15.0.7/dist/secret-detection-report-format.json"
    /// GitLab requires a commit for every location; its analyzer writes this one for files
    /// that were not read from history.
    static let noCommit = "0000000"

    public init() {}

    public func render(_ report: ScanReport) -> [UInt8] {
        let start = report.now ?? Timestamp.current
        let end = Timestamp(seconds: start.seconds + (report.includeTiming ? report.statistics.durationMilliseconds / 1000 : 0))
        let tool = GitLabReport.Component(id: KeysweepVersion.name, name: "Keysweep", url: KeysweepVersion.informationURI,
                                          version: KeysweepVersion.current, vendor: .init(name: "Keysweep"))
        let scan = GitLabReport.Scan(
            analyzer: tool, scanner: tool, type: "secret_detection",
            startTime: String(start.description.dropLast()), endTime: String(end.description.dropLast()),
            status: report.isComplete ? "success" : "failure",
            messages: report.incomplete.map { .init(level: "fatal", value: "incomplete scan: \($0)") }
                + report.statistics.warnings.map { .init(level: "warn", value: "\($0.path): \($0.message)") }
        )
        let vulnerabilities = report.findings.flatMap { finding in
            finding.locations.map { vulnerability(finding, $0, report: report) }
        }
        let document = GitLabReport(version: Self.schemaVersion, schema: Self.schemaURI, scan: scan, vulnerabilities: vulnerabilities)
        return Array(JSONReporter.encode(document, pretty: true)) + [UInt8(ascii: "\n")]
    }

    private func vulnerability(_ finding: Finding, _ location: Location, report: ScanReport) -> GitLabReport.Vulnerability {
        let rule = finding.rule
        let action = Remediation.line(for: rule)
        let secret = report.redaction.display(finding.secret, rule: rule)
        var place = location.path + ":\(location.start.line)"
        if let encoding = location.encoding { place += " " + TextReporter.encodingNote(encoding) }
        let description = "\(rule.name) (\(secret)) at \(place). "
            + "Anyone who can read the repository can use it. Fingerprint \(finding.fingerprint)."
        let links = ([action.link] + rule.references).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        return GitLabReport.Vulnerability(
            id: Self.id(of: location, in: finding, key: report.fingerprintKey),
            name: String(rule.name.prefix(255)),
            description: description,
            severity: finding.severity.rawValue.prefix(1).uppercased() + finding.severity.rawValue.dropFirst(),
            solution: action.text + " " + action.link,
            identifiers: [
                .init(type: "keysweep_rule_id", name: rule.name, value: rule.id, url: nil),
                .init(type: "cwe", name: "CWE-798", value: "798", url: "https://cwe.mitre.org/data/definitions/798.html"),
            ],
            links: links.filter { $0.hasPrefix("https://") || $0.hasPrefix("http://") }.map { .init(url: $0) },
            location: .init(
                file: location.path, startLine: location.start.line, endLine: location.end.line,
                commit: .init(sha: location.commit?.id ?? Self.noCommit, author: location.commit.map { "\($0.author) <\($0.email)>" },
                              date: location.commit?.date)
            )
        )
    }

    /// The location fingerprint, and the commit that put the place there: the same line in two
    /// commits is two places to GitLab.
    static func id(of location: Location, in finding: Finding, key: FingerprintKey) -> String {
        let place = location.fingerprint(finding: finding.fingerprint, key: key)
        guard let commit = location.commit?.id else { return uuid(place) }
        return uuid(key.digest(Array("keysweep:gitlab:v1".utf8) + [0] + Array(place.utf8) + [0] + Array(commit.utf8)))
    }

    /// 32 hex digits as `8-4-4-4-12`.
    static func uuid(_ hex: String) -> String {
        let digits = Array(hex.prefix(32))
        guard digits.count == 32 else { return hex }
        return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(digits[$0]) }.joined(separator: "-")
    }
}
