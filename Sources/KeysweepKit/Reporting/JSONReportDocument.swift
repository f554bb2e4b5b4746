/// The JSON report's shape (version 1, see DESIGN.md); a change of shape bumps `version`.
///
/// Encoded with sorted keys, so key order is alphabetical and stable.
struct JSONReportDocument: Encodable {
    static let version = 1

    let version = JSONReportDocument.version
    let tool: Tool
    let scan: Scan
    let findings: [FindingEntry]

    struct Tool: Encodable {
        let name = KeysweepVersion.name
        let version = KeysweepVersion.current
        let rules: Int
    }

    struct Scan: Encodable {
        let files: Int
        let bytes: Int
        let findings: Int
        let locations: Int
        let skipped: [String: Int]
        let suppressed: [String: Int]
        let warnings: [ScanWarning]
        let limitHits: [LimitHitRecord]
        let durationMilliseconds: Int?

        enum CodingKeys: String, CodingKey {
            case files, bytes, findings, locations, skipped, suppressed, warnings
            case limitHits = "limit_hits"
            case durationMilliseconds = "duration_ms"
        }
    }

    struct FindingEntry: Encodable {
        let fingerprint: String
        let rule: String
        let rules: [String]
        let name: String
        let provider: String
        let kind: String
        let severity: String
        let secret: String
        let entropy: Double
        let locations: [LocationEntry]
        let counts: Counts
        let firstSeen: FirstSeen?
        let presentAtHead: Bool?

        enum CodingKeys: String, CodingKey {
            case fingerprint, rule, rules, name, provider, kind, severity, secret, entropy, locations, counts
            case firstSeen = "first_seen"
            case presentAtHead = "present_at_head"
        }
    }

    /// How widely a secret is spread: locations, distinct files and distinct commits.
    struct Counts: Encodable {
        let locations: Int
        let files: Int
        let commits: Int
    }

    struct FirstSeen: Encodable {
        let commit: String
        let date: String
    }

    struct LocationEntry: Encodable {
        let fingerprint: String
        let path: String
        let line: Int
        let column: Int
        let endLine: Int
        let endColumn: Int
        let commit: String?
        let author: String?
        let email: String?
        let date: String?
    }

    init(_ report: ScanReport) {
        let statistics = report.statistics
        tool = Tool(rules: report.ruleCount)
        scan = Scan(
            files: statistics.filesScanned,
            bytes: statistics.bytesScanned,
            findings: report.findings.count,
            locations: report.locationCount,
            skipped: Dictionary(uniqueKeysWithValues: statistics.skipped.map { ($0.key.rawValue, $0.value) }),
            suppressed: statistics.suppressed,
            warnings: statistics.warnings,
            limitHits: statistics.limitHits,
            durationMilliseconds: report.includeTiming ? statistics.durationMilliseconds : nil
        )
        findings = report.findings.map { FindingEntry($0, redaction: report.redaction) }
    }
}

extension JSONReportDocument.FindingEntry {
    init(_ finding: Finding, redaction: Redaction) {
        fingerprint = finding.fingerprint
        rule = finding.rule.id
        rules = finding.ruleIDs
        name = finding.rule.name
        provider = finding.rule.provider
        kind = finding.rule.kind.rawValue
        severity = finding.rule.severity.rawValue
        secret = redaction.display(finding.secret)
        entropy = (finding.entropy * 1000).rounded() / 1000
        locations = finding.locations.map {
            JSONReportDocument.LocationEntry(
                fingerprint: $0.fingerprint(finding: finding.fingerprint), path: $0.path, line: $0.start.line, column: $0.start.column,
                endLine: $0.end.line, endColumn: $0.end.column,
                commit: $0.commit?.id, author: $0.commit?.author, email: $0.commit?.email, date: $0.commit?.date
            )
        }
        counts = JSONReportDocument.Counts(
            locations: finding.locations.count,
            files: Set(finding.locations.map(\.path)).count,
            commits: Set(finding.locations.compactMap { $0.commit?.id }).count
        )
        firstSeen = finding.firstSeen.map { JSONReportDocument.FirstSeen(commit: $0.id, date: $0.date) }
        presentAtHead = finding.presentAtHead
    }
}

extension ScanWarning {
    enum CodingKeys: String, CodingKey { case path, reason, message }
}
