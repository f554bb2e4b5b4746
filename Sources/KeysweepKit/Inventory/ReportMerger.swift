import Foundation

/// Combines JSON reports (of one repository each, or made on different machines) into one
/// inventory: a secret found in several is one finding with all its locations, and the facts that
/// depend on where it is (exposure, age, NHI8 and NHI9) are derived again over all of them.
public struct ReportMerger {
    public var now: Timestamp
    public var policy: Enrichment.Policy

    public init(now: Timestamp, policy: Enrichment.Policy = .init()) {
        self.now = now
        self.policy = policy
    }

    /// `reports` in the order given; `name` labels locations that carry no repository yet. Reports
    /// whose fingerprints were made under different keys cannot be merged: the same secret would
    /// stay two findings. One incomplete report makes the merge incomplete.
    public func merge(_ reports: [(name: String, document: JSONReportDocument)]) throws(KeysweepError) -> JSONReportDocument {
        let keys = Set(reports.map { KeyLabel(kind: $0.document.scan.fingerprintKey, id: $0.document.scan.fingerprintKeyID) })
        if keys.count > 1 {
            let named = reports.map { "'\($0.name)' (\(KeyLabel(kind: $0.document.scan.fingerprintKey, id: $0.document.scan.fingerprintKeyID)))" }
            throw KeysweepError(.invalidReport, "cannot merge reports whose fingerprints were made under different keys: \(named.joined(separator: ", ")); "
                                + "scan them again with the same --fingerprint-key-file or \(FingerprintKey.environmentVariable)")
        }
        var groups: [String: [JSONReportDocument.FindingEntry]] = [:]
        var repositories: Set<String> = []
        var scan = JSONReportDocument.Scan(files: 0, bytes: 0, findings: 0, locations: 0, skipped: [:], suppressed: [:],
                                           rejectedByValidator: [:], warnings: [], limitHits: [], durationMilliseconds: nil, now: now.description, repositories: nil)
        for (name, document) in reports {
            // Counts come from reports anyone may have written: summed without overflow.
            scan.files = Self.sum(scan.files, document.scan.files)
            scan.bytes = Self.sum(scan.bytes, document.scan.bytes)
            scan.skipped.merge(document.scan.skipped, uniquingKeysWith: Self.sum)
            scan.suppressed.merge(document.scan.suppressed, uniquingKeysWith: Self.sum)
            scan.rejectedByValidator?.merge(document.scan.rejectedByValidator ?? [:], uniquingKeysWith: Self.sum)
            scan.warnings += document.scan.warnings
            scan.limitHits += document.scan.limitHits
            repositories.formUnion(document.scan.repositories ?? [name])
            for var entry in document.findings {
                for index in entry.locations.indices where entry.locations[index].repository == nil {
                    entry.locations[index].repository = name
                }
                groups[entry.fingerprint, default: []].append(entry)
            }
        }
        let findings = groups.values.map(combine).sorted { lhs, rhs in
            let left = lhs.locations.first.map(Self.sortKey) ?? [], right = rhs.locations.first.map(Self.sortKey) ?? []
            return left != right ? left.lexicographicallyPrecedes(right) : lhs.fingerprint < rhs.fingerprint
        }
        scan.findings = findings.count
        scan.locations = findings.reduce(0) { $0 + $1.locations.count }
        scan.warnings.sort()
        scan.limitHits.sort()
        scan.repositories = repositories.sorted()
        scan.complete = !reports.contains { $0.document.scan.complete == false }
        scan.fingerprintKey = keys.first?.kind
        scan.fingerprintKeyID = keys.first?.id
        let rules = reports.map(\.document.tool.rules).max() ?? 0
        return JSONReportDocument(tool: .init(rules: rules), scan: scan, findings: findings)
    }

    /// `a + b` for counts read from reports: negative counts count as none, and a sum that would
    /// overflow stays at `Int.max`.
    static func sum(_ a: Int, _ b: Int) -> Int {
        let (total, overflow) = max(0, a).addingReportingOverflow(max(0, b))
        return overflow ? .max : total
    }

    /// One finding from the entries of the same secret in several reports.
    private func combine(_ entries: [JSONReportDocument.FindingEntry]) -> JSONReportDocument.FindingEntry {
        var merged = entries[0]
        var seen: Set<JSONReportDocument.LocationEntry> = []
        merged.locations = entries.flatMap(\.locations).filter { seen.insert($0).inserted }
            .sorted { Self.sortKey($0).lexicographicallyPrecedes(Self.sortKey($1)) }
        merged.rules = Set(entries.flatMap(\.rules)).sorted()
        merged.counts = JSONReportDocument.Counts(merged.locations)
        let atHead = entries.compactMap(\.presentAtHead)
        merged.presentAtHead = atHead.isEmpty ? nil : atHead.contains(true)
        merged.firstSeen = entries.compactMap(\.firstSeen).min { ($0.date, $0.commit) < ($1.date, $1.commit) }
        let enrichments = entries.compactMap(\.nhi)
        guard let base = enrichments.first else { return merged }
        var facts = Enrichment.SecretFacts(temporary: base.lifetime.temporary, key: base.key)
        facts.issuedAt = base.lifetime.issuedAt.flatMap(Timestamp.init(iso8601:))
        facts.expiresAt = base.lifetime.expiresAt.flatMap(Timestamp.init(iso8601:))
        let branches = enrichments.compactMap(\.exposure.branches)
        let unmerged = enrichments.compactMap(\.exposure.onlyUnmergedBranches)
        merged.nhi = Enrichment(
            places: merged.locations.map { location in
                Enrichment.Place(repository: location.repository, path: location.path, commit: location.commit, date: location.date,
                                 author: location.author.map { "\($0) <\(location.email ?? "")>" })
            },
            presentAtHead: merged.presentAtHead, facts: facts,
            codeOwners: Self.unionOfCodeOwners(enrichments),
            branches: branches.isEmpty ? nil : Set(branches.joined()).sorted(),
            onlyUnmergedBranches: unmerged.isEmpty ? nil : !unmerged.contains(false),
            remediation: base.remediation, now: now, policy: policy
        )
        return merged
    }

    private static func unionOfCodeOwners(_ enrichments: [Enrichment]) -> [Enrichment.Owner] {
        var counts: [String: Int] = [:]
        var order: [String] = []
        for owner in enrichments.flatMap(\.owners) where owner.source == "codeowners" {
            if counts[owner.name] == nil { order.append(owner.name) }
            counts[owner.name] = Self.sum(counts[owner.name] ?? 0, owner.locations)
        }
        return order.enumerated().sorted { lhs, rhs in
            counts[lhs.element]! != counts[rhs.element]! ? counts[lhs.element]! > counts[rhs.element]! : lhs.offset < rhs.offset
        }.map { Enrichment.Owner(name: $0.element, source: "codeowners", locations: counts[$0.element]!) }
    }

    /// Which key a report's fingerprints were made under, as far as it says.
    private struct KeyLabel: Hashable, CustomStringConvertible {
        let kind: FingerprintKey.Kind?
        let id: String?

        var description: String {
            guard let kind, let id else { return "unkeyed fingerprints of an older keysweep" }
            return "\(kind.rawValue) key \(id)"
        }
    }

    /// Repository, working tree before history, path, position, date, commit.
    private static func sortKey(_ location: JSONReportDocument.LocationEntry) -> [String] {
        [location.repository ?? "", location.commit == nil ? "0" : "1", location.path,
         String(format: "%09d:%09d", location.line, location.column), location.date ?? "", location.commit ?? ""]
    }
}
