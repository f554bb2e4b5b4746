/// The JSON report's shape (version 1, see DESIGN.md); a change of shape bumps `version`.
///
/// Encoded with sorted keys, so key order is alphabetical and stable. Also decoded, by
/// `keysweep merge`, which combines the reports of many repositories into one inventory.
public struct JSONReportDocument: Codable, Sendable {
    public static let currentVersion = 1

    public var version = JSONReportDocument.currentVersion
    public var tool: Tool
    public var scan: Scan
    public var findings: [FindingEntry]

    public struct Tool: Codable, Sendable {
        public var name = KeysweepVersion.name
        public var version = KeysweepVersion.current
        public var rules: Int
    }

    public struct Scan: Codable, Sendable {
        public var files: Int
        public var bytes: Int
        public var findings: Int
        public var locations: Int
        public var skipped: [String: Int]
        public var suppressed: [String: Int]
        /// Look-alikes proved fake by a structural validator, by rule id; absent in older reports.
        public var rejectedByValidator: [String: Int]?
        public var warnings: [ScanWarning]
        public var limitHits: [LimitHitRecord]
        public var durationMilliseconds: Int?
        /// The clock ages and expiry were judged against (`--now`, else the time of the scan).
        public var now: String?
        /// The repositories or folders an inventory or a merge covers.
        public var repositories: [String]?
        /// False when the scan did not cover its whole input (a damaged dump); the reason is among
        /// `warnings`. Absent in older reports.
        public var complete: Bool?
        /// `builtin` or `project`: which kind of key the fingerprints are HMACs under. Absent in
        /// older reports, whose fingerprints were unkeyed.
        public var fingerprintKey: FingerprintKey.Kind?
        /// The key's id (see `FingerprintKey.id`), so that fingerprints made under different keys
        /// are never compared.
        public var fingerprintKeyID: String?

        enum CodingKeys: String, CodingKey {
            case files, bytes, findings, locations, skipped, suppressed, warnings, now, repositories, complete
            case limitHits = "limit_hits"
            case durationMilliseconds = "duration_ms"
            case rejectedByValidator = "rejected_by_validator"
            case fingerprintKey = "fingerprint_key"
            case fingerprintKeyID = "fingerprint_key_id"
        }
    }

    public struct FindingEntry: Codable, Sendable {
        public var fingerprint: String
        public var rule: String
        public var rules: [String]
        public var name: String
        public var provider: String
        public var kind: String
        public var severity: String
        public var secret: String
        public var entropy: Double
        public var locations: [LocationEntry]
        public var counts: Counts
        public var firstSeen: FirstSeen?
        public var presentAtHead: Bool?
        public var nhi: Enrichment?
        /// The named parts of a credential made of several, this secret among them; absent for a
        /// secret that is a credential on its own.
        public var parts: [PartEntry]?
        /// True for a look-alike a structural validator proved fake (`--no-suppress` only).
        public var rejected: Bool?

        enum CodingKeys: String, CodingKey {
            case fingerprint, rule, rules, name, provider, kind, severity, secret, entropy, locations, counts, nhi, parts, rejected
            case firstSeen = "first_seen"
            case presentAtHead = "present_at_head"
        }
    }

    /// One part of a credential: `id`, `secret`, `token`, `host`, `user`, `password`, `tenant`
    /// or `account`, the rule that found it, and where.
    public struct PartEntry: Codable, Sendable {
        public var part: String
        public var rule: String
        public var secret: String
        public var locations: [LocationEntry]
    }

    /// How widely a secret is spread: locations, distinct files and distinct commits.
    public struct Counts: Codable, Sendable {
        public var locations: Int
        public var files: Int
        public var commits: Int
    }

    public struct FirstSeen: Codable, Sendable {
        public var commit: String
        public var date: String
    }

    public struct LocationEntry: Codable, Sendable, Hashable {
        public var fingerprint: String
        public var repository: String?
        public var path: String
        public var line: Int
        public var column: Int
        public var endLine: Int
        public var endColumn: Int
        public var commit: String?
        public var author: String?
        public var email: String?
        public var date: String?
        /// `base64` when the secret was found by decoding the text at this place.
        public var encoding: String?
        /// `source`, `test`, `fixture`, `docs` or `example`; absent in older reports.
        public var context: String?
        /// For a container image: the digest of the layer that holds the file.
        public var layer: String?
        /// For a container image: the digest of a higher layer that deletes the file.
        public var deletedInLayer: String?

        enum CodingKeys: String, CodingKey {
            case fingerprint, repository, path, line, column, endLine, endColumn, commit, author, email, date, encoding, context, layer
            case deletedInLayer = "deleted_in_layer"
        }
    }
}

extension JSONReportDocument {
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
            rejectedByValidator: statistics.rejectedByValidator,
            warnings: statistics.warnings,
            limitHits: statistics.limitHits,
            durationMilliseconds: report.includeTiming ? statistics.durationMilliseconds : nil,
            now: report.includeTiming || report.clockFixed ? report.now?.description : nil,
            repositories: report.repositories,
            complete: report.isComplete,
            fingerprintKey: report.fingerprintKey.kind,
            fingerprintKeyID: report.fingerprintKey.id
        )
        findings = report.findings.map { FindingEntry($0, redaction: report.redaction, key: report.fingerprintKey) }
    }
}

extension JSONReportDocument.FindingEntry {
    init(_ finding: Finding, redaction: Redaction, key: FingerprintKey) {
        fingerprint = finding.fingerprint
        rule = finding.rule.id
        rules = finding.ruleIDs
        name = finding.rule.name
        provider = finding.rule.provider
        kind = finding.rule.kind.rawValue
        severity = finding.severity.rawValue
        secret = redaction.display(finding.secret, rule: finding.rule)
        entropy = (finding.entropy * 1000).rounded() / 1000
        locations = finding.locations.map { JSONReportDocument.LocationEntry($0, finding: finding.fingerprint, key: key) }
        counts = JSONReportDocument.Counts(locations)
        firstSeen = finding.firstSeen.map { JSONReportDocument.FirstSeen(commit: $0.id, date: $0.date) }
        presentAtHead = finding.presentAtHead
        nhi = finding.enrichment
        parts = finding.parts.isEmpty ? nil : finding.parts.map { part in
            JSONReportDocument.PartEntry(part: part.name.rawValue, rule: part.rule.id,
                                         secret: redaction.display(part.secret, rule: part.rule),
                                         locations: part.locations.map { JSONReportDocument.LocationEntry($0, finding: finding.fingerprint, key: key) })
        }
        rejected = finding.rejected ? true : nil
    }
}

extension JSONReportDocument.LocationEntry {
    init(_ location: Location, finding: String, key: FingerprintKey) {
        self.init(
            fingerprint: location.fingerprint(finding: finding, key: key), repository: location.repository, path: location.path,
            line: location.start.line, column: location.start.column, endLine: location.end.line, endColumn: location.end.column,
            commit: location.commit?.id, author: location.commit?.author, email: location.commit?.email, date: location.commit?.date,
            encoding: location.encoding, context: location.context.rawValue, layer: location.layer, deletedInLayer: location.deletedInLayer
        )
    }
}

extension ScanWarning {
    enum CodingKeys: String, CodingKey { case path, reason, message }
}

extension JSONReportDocument.Counts {
    init(_ locations: [JSONReportDocument.LocationEntry]) {
        self.init(locations: locations.count,
                  files: Set(locations.map { [$0.repository ?? "", $0.path] }).count,
                  commits: Set(locations.compactMap { location in location.commit.map { [location.repository ?? "", $0] } }).count)
    }
}
