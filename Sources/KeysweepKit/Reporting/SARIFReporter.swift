import Foundation

/// SARIF 2.1.0 for code scanning: one result per distinct secret, its first location primary and
/// the others related; rules with help on rotating and removing the secret; CWE-798 and OWASP NHI2
/// taxonomies; partial fingerprints that keep alerts stable across runs.
public struct SARIFReporter: Reporter {
    public init() {}

    static let cwe = SARIF.ToolComponent(
        name: "CWE", version: "4.14", informationUri: "https://cwe.mitre.org/data/published/cwe_v4.14.pdf",
        organization: "MITRE", shortDescription: SARIF.Message(text: "The MITRE Common Weakness Enumeration"),
        taxa: [SARIF.ReportingDescriptor(id: "798", name: "Use of Hard-coded Credentials",
                                         shortDescription: SARIF.Message(text: "Use of Hard-coded Credentials"),
                                         helpUri: "https://cwe.mitre.org/data/definitions/798.html")]
    )

    static let owaspNHI = SARIF.ToolComponent(
        name: "OWASP-NHI", version: "2025", informationUri: "https://owasp.org/www-project-non-human-identities-top-10/2025/",
        organization: "OWASP", shortDescription: SARIF.Message(text: "OWASP Non-Human Identities Top 10 (2025)"),
        taxa: [SARIF.ReportingDescriptor(id: "NHI2", name: "Secret Leakage",
                                         shortDescription: SARIF.Message(text: "Secret Leakage"),
                                         helpUri: "https://owasp.org/www-project-non-human-identities-top-10/2025/2-secret-leakage/")]
    )

    public func render(_ report: ScanReport) -> [UInt8] {
        let sourceRoot = report.sourceRoot
        let rules = Dictionary(report.findings.map { ($0.rule.id, $0.rule) }, uniquingKeysWith: { first, _ in first })
            .values.sorted { $0.id < $1.id }
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($0.element.id, $0.offset) })
        let driver = SARIF.ToolComponent(
            name: KeysweepVersion.name, version: KeysweepVersion.current, semanticVersion: KeysweepVersion.current,
            informationUri: KeysweepVersion.informationURI, rules: rules.map(Self.descriptor),
            supportedTaxonomies: [SARIF.ToolComponentReference(name: "CWE"), SARIF.ToolComponentReference(name: "OWASP-NHI")]
        )
        var artifacts = SARIFArtifacts(sourceRoot: sourceRoot)
        let results = report.findings.map {
            result($0, ruleIndex: ruleIndex[$0.rule.id] ?? 0, redaction: report.redaction, key: report.fingerprintKey, artifacts: &artifacts)
        }
        let run = SARIF.Run(
            tool: SARIF.Tool(driver: driver),
            taxonomies: [Self.cwe, Self.owaspNHI],
            invocations: [invocation(report)],
            originalUriBaseIds: ["%SRCROOT%": SARIF.ArtifactLocation(uri: Self.directoryURI(sourceRoot))],
            artifacts: artifacts.artifacts.isEmpty ? nil : artifacts.artifacts,
            results: results
        )
        return Array(JSONReporter.encode(SARIF.Log(runs: [run]), pretty: true)) + [UInt8(ascii: "\n")]
    }

    static func descriptor(_ rule: Rule) -> SARIF.ReportingDescriptor {
        let what = "\(rule.provider) \(rule.kind.rawValue.replacingOccurrences(of: "-", with: " "))"
        let help = """
        A \(what) was found in the code or its history. Anyone who can read the repository can use it.
        1. Revoke or rotate it now with \(rule.provider) (its console or API), and check its audit log for use.
        2. Remove it from the code, and from history if it was pushed (git filter-repo), since history keeps it.
        3. Load the new credential at run time from a secret manager or the CI's secret store.
        References: \(rule.references.joined(separator: " "))
        """
        let markdown = """
        A **\(what)** was found in the code or its history. Anyone who can read the repository can use it.

        1. **Revoke or rotate** it now with \(rule.provider) (its console or API), and check its audit log for use.
        2. **Remove** it from the code, and from history if it was pushed (`git filter-repo`): history keeps it.
        3. **Load** the new credential at run time from a secret manager or the CI's secret store.

        \(rule.references.map { "- <\($0)>" }.joined(separator: "\n"))
        """
        var properties = SARIF.Properties()
        properties.values["tags"] = .strings(["security", "secret", "CWE-798", "NHI2", rule.kind.rawValue])
        properties.values["security-severity"] = .string(securitySeverity(rule.severity))
        properties.values["precision"] = .string(rule.isGeneric ? "medium" : rule.validator != nil ? "very-high" : "high")
        return SARIF.ReportingDescriptor(
            id: rule.id, name: pascalCase(rule.id),
            shortDescription: SARIF.Message(text: rule.name),
            fullDescription: SARIF.Message(text: "\(rule.name): a hard-coded \(what) (CWE-798, OWASP NHI2 Secret Leakage)."),
            help: SARIF.Message(text: help, markdown: markdown),
            helpUri: rule.references.first,
            defaultConfiguration: SARIF.Configuration(level: level(rule.severity)),
            relationships: [
                SARIF.Relationship(target: SARIF.DescriptorReference(id: "798", toolComponent: SARIF.ToolComponentReference(name: "CWE")), kinds: ["superset"]),
                SARIF.Relationship(target: SARIF.DescriptorReference(id: "NHI2", toolComponent: SARIF.ToolComponentReference(name: "OWASP-NHI")), kinds: ["superset"]),
            ],
            properties: properties
        )
    }

    private func result(_ finding: Finding, ruleIndex: Int, redaction: Redaction, key: FingerprintKey,
                        artifacts: inout SARIFArtifacts) -> SARIF.Result {
        let rule = finding.rule
        let snippet = redaction.display(finding.secret, rule: rule)
        let locations = finding.locations.enumerated().map { index, location in
            SARIF.Location(
                id: index == 0 ? nil : index,
                physicalLocation: SARIF.PhysicalLocation(
                    artifactLocation: artifacts.artifactLocation(of: location),
                    region: SARIF.Region(startLine: location.start.line, startColumn: location.start.column,
                                         endLine: location.end.line, endColumn: location.end.column,
                                         snippet: SARIF.Message(text: snippet))
                ),
                message: index == 0 ? nil : SARIF.Message(text: "The same secret" + (location.commit.map { ", introduced in commit \($0.id.prefix(12))" } ?? "")),
                properties: Self.layerProperties(location)
            )
        }
        let otherParts = finding.parts.filter { $0.secret != finding.secret }
        let partLocations = otherParts.flatMap { part in part.locations.map { (part, $0) } }.enumerated().map { offset, item in
            let (part, location) = item
            return SARIF.Location(
                id: finding.locations.count + offset,
                physicalLocation: SARIF.PhysicalLocation(
                    artifactLocation: artifacts.artifactLocation(of: location),
                    region: SARIF.Region(startLine: location.start.line, startColumn: location.start.column,
                                         endLine: location.end.line, endColumn: location.end.column,
                                         snippet: SARIF.Message(text: redaction.display(part.secret, rule: part.rule)))
                ),
                message: SARIF.Message(text: "Part '\(part.name.rawValue)' of the same credential (\(part.rule.id))")
            )
        }
        var properties = SARIF.Properties()
        properties.values["fingerprint"] = .string(finding.fingerprint)
        properties.values["locationCount"] = .number(finding.locations.count)
        properties.values["context"] = .strings(finding.contexts.map(\.rawValue))
        if !finding.parts.isEmpty { properties.values["parts"] = .strings(finding.parts.map(\.name.rawValue)) }
        if finding.rejected { properties.values["rejected"] = .bool(true) }
        if let first = finding.locations.first?.commit {
            properties.values["commit"] = .string(first.id)
            properties.values["author"] = .string("\(first.author) <\(first.email)>")
            properties.values["date"] = .string(first.date)
        }
        if let firstSeen = finding.firstSeen { properties.values["firstSeen"] = .string(firstSeen.date) }
        if let atHead = finding.presentAtHead { properties.values["presentAtHead"] = .bool(atHead) }
        if let enrichment = finding.enrichment { properties.values["nhi"] = .enrichment(enrichment) }
        let count = finding.locations.count
        return SARIF.Result(
            ruleId: rule.id, ruleIndex: ruleIndex, level: Self.level(finding.severity),
            message: SARIF.Message(text: "\(rule.name) (\(rule.provider), \(rule.kind.rawValue)) found"
                                   + (count > 1 ? " in \(count) places" : "") + ". Rotate it and remove it from the code."),
            locations: [locations[0]],
            relatedLocations: count > 1 || !partLocations.isEmpty ? Array(locations.dropFirst()) + partLocations : nil,
            partialFingerprints: [
                "keysweepSecret/v2": finding.fingerprint,
                "keysweepLocation/v2": finding.locations[0].fingerprint(finding: finding.fingerprint, key: key),
            ],
            properties: properties
        )
    }

    /// `layer` and `deletedInLayer` of a location in a container image; nil elsewhere.
    private static func layerProperties(_ location: Location) -> SARIF.Properties? {
        guard let layer = location.layer else { return nil }
        var properties = SARIF.Properties()
        properties.values["layer"] = .string(layer)
        if let deleted = location.deletedInLayer { properties.values["deletedInLayer"] = .string(deleted) }
        return properties
    }

    private func invocation(_ report: ScanReport) -> SARIF.Invocation {
        let statistics = report.statistics
        var properties = SARIF.Properties()
        properties.values["files"] = .number(statistics.filesScanned)
        properties.values["bytes"] = .number(statistics.bytesScanned)
        properties.values["findings"] = .number(report.findings.count)
        properties.values["locations"] = .number(report.locationCount)
        properties.values["skipped"] = .counts(Dictionary(uniqueKeysWithValues: statistics.skipped.map { ($0.key.rawValue, $0.value) }))
        properties.values["suppressed"] = .counts(statistics.suppressed)
        properties.values["rejectedByValidator"] = .counts(statistics.rejectedByValidator)
        if report.includeTiming { properties.values["durationMilliseconds"] = .number(statistics.durationMilliseconds) }
        properties.values["fingerprintKey"] = .string(report.fingerprintKey.kind.rawValue)
        properties.values["fingerprintKeyId"] = .string(report.fingerprintKey.id)
        // An incomplete scan ends with exit code 2 (an input error) after writing this report.
        let notifications = report.incomplete.map { SARIF.Notification(level: "error", message: SARIF.Message(text: $0)) }
        return SARIF.Invocation(executionSuccessful: report.isComplete,
                                exitCode: !report.isComplete ? 2 : report.findings.isEmpty ? 0 : report.findingsExitCode,
                                toolExecutionNotifications: notifications.isEmpty ? nil : notifications,
                                properties: properties)
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .critical, .high: "error"
        case .medium: "warning"
        case .low: "note"
        }
    }

    /// GitHub code scanning ranks alerts by this CVSS-like score.
    static func securitySeverity(_ severity: Severity) -> String {
        switch severity {
        case .critical: "9.5"
        case .high: "8.0"
        case .medium: "5.5"
        case .low: "3.0"
        }
    }

    static func pascalCase(_ id: String) -> String {
        id.split(whereSeparator: { $0 == "." || $0 == "-" }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// A path as a URI reference relative to `root` (percent-encoded), or a `file:` URI outside it.
    static func relativeURI(_ path: String, root: String) -> String {
        let absolute = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: root, isDirectory: true)).standardizedFileURL.path
        let base = URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL.path
        let prefix = base.hasSuffix("/") ? base : base + "/"
        let relative = absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : absolute
        let encoded = relative.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? relative
        return absolute.hasPrefix(prefix) ? encoded : "file://" + encoded
    }

    static func directoryURI(_ path: String) -> String {
        URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL.absoluteString
    }
}
